/**
 * Attribution of cost to catalog entities. Billing rows and OpenCost
 * allocations carry tags, namespaces and workload labels; the catalog says
 * which component and team those mean. Whatever matches nothing lands in an
 * explicit "unallocated" bucket, never dropped.
 */

/** The bucket for cost that no tag, namespace or label ties to an owner. */
export const UNALLOCATED = 'unallocated';

/**
 * Which tags attribute a charge: for each kind, the keys in order of
 * preference, and the prefixes a key may carry (`user:team` is how AWS
 * exports user tags; `gogidix:team` an organisation's own prefix). `*`
 * stands for any one prefix segment. Configured in `cost.attribution`.
 */
export interface CostTagKeys {
  service: readonly string[];
  team: readonly string[];
  namespace: readonly string[];
  workload: readonly string[];
  prefixes: readonly string[];
}

/** The common conventions: plain keys, then provider and organisation prefixes. */
export const DEFAULT_COST_TAG_KEYS: CostTagKeys = {
  service: ['service', 'component', 'app'],
  team: ['team', 'cost-center'],
  namespace: ['kubernetes-namespace', 'aws:eks:namespace'],
  workload: ['app.kubernetes.io/name', 'aws:eks:workload-name'],
  prefixes: ['user', '*'],
};

/** The raw keys one cost line carries; null when absent. */
export interface AttributionKey {
  serviceTag: string | null;
  /** As stored: the team's full group ref, however the tag spelled it. */
  teamTag: string | null;
  namespace: string | null;
  workload: string | null;
  /** The tag key the service came from (`gogidix:service`), to explain a miss. */
  serviceTagKey?: string | null;
  /** The tag key the team came from. */
  teamTagKey?: string | null;
}
/** What the catalog says about one component, as far as cost is concerned. */
export interface CostComponent {
  entityRef: string;
  name: string;
  /**
   * The team charged, as a full group ref (`group:default/payments`):
   * `gogidix.io/cost-center`, else the owner.
   */
  team: string;
  system: string | null;
  kubernetesId: string | null;
  kubernetesNamespace: string | null;
  /**
   * Why an annotation of this component does not count (a workload id or
   * namespace another owner claims too, a cost centre that is not its
   * owner's), shown on its cost tab.
   */
  conflicts?: string[];
}

/**
 * Workload ids and namespaces that two owners claim, each with the reason
 * that names both claimants: cost with such a key is attributed to neither
 * until config names the holder.
 */
export interface ContestedKeys {
  workloads: Map<string, string>;
  namespaces: Map<string, string>;
}

export type AttributionRule =
  | 'service-tag'
  | 'workload-label'
  | 'team-tag'
  | 'namespace'
  | 'contested'
  | 'unallocated';

export interface Attribution {
  /** The component, or null when only the team is known (or nothing). */
  entityRef: string | null;
  /** The team's full group ref, or {@link UNALLOCATED}. */
  team: string;
  system: string | null;
  rule: AttributionRule;
  /**
   * For `contested`: which claims collide, naming the claimants; for
   * `unallocated`: which tag would have claimed the cost and why it did not.
   */
  reason?: string;
}

/** A tag found for one kind: the key as written in the export, and its value. */
interface FoundTag {
  key: string;
  value: string;
}

/**
 * The first of `keys` the tags carry with a value: every plain key first,
 * then each prefix in order. Keys compare without case (`Team` is `team`).
 */
function findTag(
  byLowerKey: Map<string, FoundTag>,
  keys: readonly string[],
  prefixes: readonly string[],
): FoundTag | null {
  const candidates: string[] = keys.map(k => k.toLowerCase());
  for (const prefix of prefixes) {
    if (prefix === '*') continue;
    candidates.push(...keys.map(k => `${prefix}:${k}`.toLowerCase()));
  }
  for (const candidate of candidates) {
    const found = byLowerKey.get(candidate);
    if (found) return found;
  }
  if (prefixes.includes('*')) {
    const wanted = new Set(keys.map(k => k.toLowerCase()));
    for (const [lower, found] of byLowerKey) {
      const colon = lower.indexOf(':');
      // One segment before the key: `gogidix:team`, not `aws:eks:team`.
      if (colon > 0 && wanted.has(lower.slice(colon + 1))) {
        return found;
      }
    }
  }
  return null;
}

/** Reads the attribution keys out of a FOCUS row's tags. */
export function attributionKeyFromTags(
  tags: Record<string, string>,
  keys: CostTagKeys = DEFAULT_COST_TAG_KEYS,
): AttributionKey {
  const byLowerKey = new Map<string, FoundTag>();
  for (const [key, raw] of Object.entries(tags)) {
    const value = raw.trim();
    const lower = key.trim().toLowerCase();
    if (value && !byLowerKey.has(lower)) {
      byLowerKey.set(lower, { key: key.trim(), value });
    }
  }
  const service = findTag(byLowerKey, keys.service, keys.prefixes);
  const team = findTag(byLowerKey, keys.team, keys.prefixes);
  // Namespace and workload keys are provider-defined: no prefixes.
  const namespace = findTag(byLowerKey, keys.namespace, []);
  const workload = findTag(byLowerKey, keys.workload, []);
  return {
    serviceTag: service?.value ?? null,
    teamTag: team?.value ?? null,
    namespace: namespace?.value ?? null,
    workload: workload?.value ?? null,
    serviceTagKey: service?.key ?? null,
    teamTagKey: team?.key ?? null,
  };
}

/**
 * Why a cost line matched no rule, naming the tag that would have claimed
 * it: "tag gogidix:service = 'old-api' names no catalog component".
 */
export function unallocatedReason(key: AttributionKey): string {
  const reasons: string[] = [];
  if (key.serviceTag) {
    reasons.push(
      `tag ${key.serviceTagKey ?? 'service'} = '${
        key.serviceTag
      }' names no catalog component`,
    );
  }
  if (key.workload) {
    reasons.push(
      `workload '${key.workload}'${
        key.namespace ? ` in namespace '${key.namespace}'` : ''
      } is no component's kubernetes-id`,
    );
  }
  if (key.teamTag) {
    reasons.push(
      `tag ${key.teamTagKey ?? 'team'} = '${
        key.teamTag
      }' names no catalog team`,
    );
  }
  if (key.namespace) {
    reasons.push(
      `namespace '${key.namespace}' belongs to no catalog component`,
    );
  }
  return reasons.length > 0
    ? reasons.join('; ')
    : 'no service, team, namespace or workload tag (keys in cost.attribution)';
}

/** Lookup tables built once per catalog snapshot. */
export class CostAttributionIndex {
  readonly #byName = new Map<string, CostComponent>();
  readonly #byRef = new Map<string, CostComponent>();
  readonly #byWorkload = new Map<string, CostComponent>();
  readonly #teamByNamespace = new Map<string, string>();
  readonly #teams: Set<string>;
  readonly #contested: ContestedKeys;

  constructor(
    components: CostComponent[],
    teams: string[],
    contested: ContestedKeys = { workloads: new Map(), namespaces: new Map() },
  ) {
    this.#teams = new Set(teams);
    this.#contested = contested;
    for (const component of components) {
      this.#byName.set(component.name, component);
      this.#teams.add(component.team);
      const namespace = component.kubernetesNamespace;
      if (
        component.kubernetesId &&
        !contested.workloads.has(component.kubernetesId)
      ) {
        this.#byWorkload.set(
          `${namespace ?? ''}/${component.kubernetesId}`,
          component,
        );
      }
      // Each namespace has one owner: two are a contested key, not a race.
      if (
        namespace &&
        !contested.namespaces.has(namespace) &&
        !this.#teamByNamespace.has(namespace)
      ) {
        this.#teamByNamespace.set(namespace, component.team);
      }
    }
    // Looked up once per cost line: a scan of every component was the cost
    // pages' main expense at a few thousand components. Only the components
    // the name map kept, as before.
    for (const component of this.#byName.values()) {
      if (!this.#byRef.has(component.entityRef)) {
        this.#byRef.set(component.entityRef, component);
      }
    }
  }

  get components(): CostComponent[] {
    return [...this.#byName.values()];
  }

  get teams(): string[] {
    return [...this.#teams].sort();
  }

  component(entityRef: string): CostComponent | undefined {
    return this.#byRef.get(entityRef);
  }

  /**
   * Attributes one cost line. Order: the service tag names a component; the
   * workload label (in its namespace) is a component's kubernetes-id; the team
   * tag names a known team; the namespace belongs to a team's components.
   */
  attribute(key: AttributionKey): Attribution {
    const byService = key.serviceTag && this.#byName.get(key.serviceTag);
    if (byService) {
      return toAttribution(byService, 'service-tag');
    }
    const workloadConflict =
      key.workload && this.#contested.workloads.get(key.workload);
    if (workloadConflict) {
      return contestedAttribution(workloadConflict);
    }
    const byWorkload =
      key.workload &&
      (this.#byWorkload.get(`${key.namespace ?? ''}/${key.workload}`) ??
        this.#byWorkload.get(`/${key.workload}`));
    if (byWorkload) {
      return toAttribution(byWorkload, 'workload-label');
    }
    if (key.teamTag && this.#teams.has(key.teamTag)) {
      return {
        entityRef: null,
        team: key.teamTag,
        system: null,
        rule: 'team-tag',
      };
    }
    const namespaceConflict =
      key.namespace && this.#contested.namespaces.get(key.namespace);
    if (namespaceConflict) {
      return contestedAttribution(namespaceConflict);
    }
    const namespaceTeam =
      key.namespace && this.#teamByNamespace.get(key.namespace);
    if (namespaceTeam) {
      return {
        entityRef: null,
        team: namespaceTeam,
        system: null,
        rule: 'namespace',
      };
    }
    return {
      entityRef: null,
      team: UNALLOCATED,
      system: null,
      rule: 'unallocated',
      reason: unallocatedReason(key),
    };
  }
}

function contestedAttribution(reason: string): Attribution {
  return {
    entityRef: null,
    team: UNALLOCATED,
    system: null,
    rule: 'contested',
    reason,
  };
}

function toAttribution(c: CostComponent, rule: AttributionRule): Attribution {
  return { entityRef: c.entityRef, team: c.team, system: c.system, rule };
}
