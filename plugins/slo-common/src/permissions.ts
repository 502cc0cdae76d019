import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read a team's SLOs on the org page: asked per team, with the team's group
 * ref (e.g. group:default/payments) as the resource.
 */
export const sloOrgReadPermission = createPermission({
  name: 'slo.org.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Read one service's SLO status: the service's entity ref is the resource. */
export const sloEntityReadPermission = createPermission({
  name: 'slo.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Generate Prometheus rules from an OpenSLO document. */
export const sloRulesCreatePermission = createPermission({
  name: 'slo.rules.create',
  attributes: { action: 'create' },
});

/**
 * Ask the deploy gate whether a change of a service may be promoted, and
 * read its overrides: the service's entity ref is the resource. A CI
 * token's `accessRestrictions` may grant this one alone.
 */
export const sloDeployGateEvaluatePermission = createPermission({
  name: 'slo.deployGate.evaluate',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Let a service deploy despite its error-budget policy, for a bounded time. */
export const sloDeployGateOverridePermission = createPermission({
  name: 'slo.deployGate.override',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

export const sloPermissions = [
  sloOrgReadPermission,
  sloEntityReadPermission,
  sloRulesCreatePermission,
  sloDeployGateEvaluatePermission,
  sloDeployGateOverridePermission,
];
