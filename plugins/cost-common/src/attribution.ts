/**
 * Attribution of cost to catalog entities. Billing rows and OpenCost
 * allocations carry tags, namespaces and workload labels; the catalog says
 * which component and team those mean. Whatever matches nothing lands in an
 * explicit "unallocated" bucket, never dropped.
 */

/** The bucket for cost that no tag, namespace or label ties to an owner. */
export const UNALLOCATED = 'unallocated';

/** Resource tag keys read for attribution, in order of preference. */
export const COST_TAG_KEYS = {
  service: ['service', 'app'],
  team: ['team', 'cost-center'],
  namespace: ['kubernetes-namespace', 'aws:eks:namespace'],
  workload: ['app.kubernetes.io/name', 'aws:eks:workload-name'],
} as const;

/** The raw keys one cost line carries; null when absent. */
export interface AttributionKey {
  serviceTag: string | null;
  /** As stored: the team's full group ref, however the tag spelled it. */
  teamTag: string | null;
  namespace: string | null;
  workload: string | null;
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
  /** For `contested`: which claims collide, naming the claimants. */
  reason?: string;
}

function firstTag(
  tags: Record<string, string>,
  keys: readonly string[],
): string | null {
  for (const key of keys) {
    const value = tags[key]?.trim();
    if (value) {
      return value;
    }
  }
  return null;
}

/** Reads the attribution keys out of a FOCUS row's tags. */
export function attributionKeyFromTags(
  tags: Record<string, string>,
): AttributionKey {
  return {
    serviceTag: firstTag(tags, COST_TAG_KEYS.service),
    teamTag: firstTag(tags, COST_TAG_KEYS.team),
    namespace: firstTag(tags, COST_TAG_KEYS.namespace),
    workload: firstTag(tags, COST_TAG_KEYS.workload),
  };
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
