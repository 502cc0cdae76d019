/**
 * How far a role's access to a permission reaches:
 * - `all`: every resource;
 * - `managed`: what the user's teams own, plus the groups the user manages
 *   and every group below them (and what those own);
 * - `own`: what the user's teams (or the user) own.
 * For a permission without a resource, any reach allows it.
 */
export type Reach = 'all' | 'managed' | 'own';

export type Role = 'developer' | 'manager' | 'onCall';

/** One row of the policy: who may use these permissions, and how far. */
export interface PermissionRule {
  /** Permission names; `x.*` matches every name starting with `x.`. */
  names: string[];
  /** Every signed-in catalog user. */
  developer?: Reach;
  /** A user named as the lead of a group. */
  manager?: Reach;
  /** A member of a `gogidix.roles.onCall` group. */
  onCall?: Reach;
  /**
   * The resource may be a team itself (a group ref, as on org pages)
   * rather than an entity a team owns.
   */
  teamData?: boolean;
  /**
   * The reach also covers what the components in it depend on (their
   * `dependsOn`), whoever owns those.
   */
  dependencies?: boolean;
}

/**
 * The portal's permissions, by name so that plugins the policy does not
 * import are covered too. Platform admins may use every permission; a name
 * in no row is denied to everyone else. Rows with no role are listed to
 * say so: they are for platform admins only.
 */
export const PERMISSION_RULES: PermissionRule[] = [
  // Catalog: everyone reads; developers refresh and unregister what their
  // teams own. Registering locations is for platform admins: templates
  // register the services they create on the portal's behalf
  // (gogidix:repo:publish, gogidix:catalog:register).
  {
    names: [
      'catalog.entity.read',
      'catalog.location.read',
      'catalog.entity.validate',
    ],
    developer: 'all',
  },
  {
    names: ['catalog.entity.refresh', 'catalog.entity.delete'],
    developer: 'own',
  },
  {
    names: [
      'catalog.entity.create',
      'catalog.location.create',
      'catalog.location.analyze',
      'catalog.location.delete',
      'catalog.ingestion.*',
      'catalog.entities.unprocessed.*',
    ],
  },

  // Scaffolder: everyone runs templates; template management (the editor
  // and its dry runs) is for platform admins.
  {
    names: [
      'scaffolder.template.parameter.read',
      'scaffolder.template.step.read',
      'scaffolder.action.execute',
      'scaffolder.task.create',
      'scaffolder.task.read',
      'scaffolder.task.cancel',
    ],
    developer: 'all',
  },
  { names: ['scaffolder.template.management', 'scaffolder.template.dry-run'] },
  // A new service's owner (the resource is the team): a developer's own
  // teams, a manager's subtree; otherwise its authors could not see its
  // compliance or cost. Checked by gogidix:catalog:check.
  {
    names: ['scaffolder.service.owner.assign'],
    developer: 'own',
    manager: 'managed',
    teamData: true,
  },

  // Kubernetes: everyone sees workloads; the proxy (logs, exec) is for on-call.
  {
    names: ['kubernetes.clusters.read', 'kubernetes.resources.read'],
    developer: 'all',
  },
  { names: ['kubernetes.proxy'], onCall: 'all' },

  // SLO: every service's SLO tab is public; the org page shows the teams a
  // user belongs to, a manager's subtree, or every team for on-call.
  { names: ['slo.entity.read', 'slo.rules.create'], developer: 'all' },
  // The deploy gate: anyone (and a CI token, whose accessRestrictions may
  // name this permission alone) asks whether a service may deploy; the
  // owning team's on-call engineers and its managers may override the
  // error-budget policy for a while, recorded in the audit trail.
  { names: ['slo.deployGate.evaluate'], developer: 'all' },
  {
    names: ['slo.deployGate.override'],
    manager: 'managed',
    onCall: 'own',
  },
  {
    names: ['slo.org.read'],
    developer: 'own',
    manager: 'managed',
    onCall: 'all',
    teamData: true,
  },

  // Cost: a team's own, a manager's subtree; imports are for admins.
  {
    names: ['cost.org.read', 'cost.entity.read'],
    developer: 'own',
    manager: 'managed',
    teamData: true,
  },
  { names: ['cost.import.read'], manager: 'managed' },
  { names: ['cost.import.create'] },

  // Delivery: every service's Delivery tab is public, as its SLO tab; the
  // team and org pages are for managers (their subtree); a team's own
  // developers report their deploys (CI pipelines do so with a service token).
  { names: ['delivery.entity.read'], developer: 'all' },
  { names: ['delivery.org.read'], manager: 'managed', teamData: true },
  {
    names: ['delivery.deployment.create'],
    developer: 'own',
    manager: 'managed',
  },

  // Compliance: as cost; managers export and grant waivers for their subtree.
  {
    names: ['compliance.org.read', 'compliance.entity.read'],
    developer: 'own',
    manager: 'managed',
    teamData: true,
  },
  {
    names: ['compliance.export.read', 'compliance.waiver.create'],
    manager: 'managed',
  },
  { names: ['compliance.trivy.create'] },

  // On-call: the org-wide alert page is for on-call; each service's
  // on-call tab and runbooks for its team, its managers and on-call.
  { names: ['oncall.alert.read'], onCall: 'all' },
  // Who is on call for a service (and its open incidents): also for the
  // teams whose components depend on it, who must know whom to call.
  {
    names: ['oncall.responders.read'],
    developer: 'own',
    manager: 'managed',
    onCall: 'all',
    dependencies: true,
  },
  {
    names: ['oncall.entity.read', 'oncall.runbook.read'],
    developer: 'own',
    manager: 'managed',
    onCall: 'all',
  },

  // The audit trail is for platform admins.
  { names: ['audit.*'] },
];

/** The row for a permission name, if any. */
export function ruleFor(
  name: string,
  rules: PermissionRule[] = PERMISSION_RULES,
): PermissionRule | undefined {
  return rules.find(rule =>
    rule.names.some(pattern =>
      pattern.endsWith('.*')
        ? name.startsWith(pattern.slice(0, -1))
        : pattern === name,
    ),
  );
}

const WIDTH: Record<Reach, number> = { own: 1, managed: 2, all: 3 };

/** The widest reach any of the user's roles has in this row. */
export function widestReach(
  rule: PermissionRule,
  roles: Role[],
): Reach | undefined {
  return roles
    .map(role => rule[role])
    .filter((reach): reach is Reach => reach !== undefined)
    .sort((a, b) => WIDTH[b] - WIDTH[a])[0];
}
