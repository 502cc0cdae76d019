/**
 * Savings recommendations with an estimated monthly saving and an owner:
 * idle or under-used GPUs, CPU/RAM requests far above usage (from OpenCost
 * allocations) and billed resources that nothing attributes to an owner.
 */
import { Attribution, UNALLOCATED } from './attribution';
import { roundToCents as round } from './money';

/** One workload's OpenCost allocation over a window, as the store keeps it. */
export interface WorkloadAllocation {
  /** First day of the window, `YYYY-MM-DD`. */
  date: string;
  namespace: string;
  /** The workload label value (`app.kubernetes.io/name`), or null. */
  workload: string | null;
  windowHours: number;
  cpuCoreRequestAverage: number;
  cpuCoreUsageAverage: number;
  cpuCost: number;
  ramByteRequestAverage: number;
  ramByteUsageAverage: number;
  ramCost: number;
  gpuHours: number;
  gpuCost: number;
  /** Average GPU utilisation (0..1) when OpenCost reports it, else null. */
  gpuUsageAverage: number | null;
  totalCost: number;
}

/** A billed resource and what it cost over the last 30 days. */
export interface ResourceCost {
  resourceId: string;
  resourceName: string | null;
  serviceName: string;
  cost: number;
  attribution: Attribution;
}

export type SavingsKind = 'idle-gpu' | 'oversized-requests' | 'no-owner';

export interface SavingsRecommendation {
  kind: SavingsKind;
  /** What to change: `namespace/workload` or a cloud resource id. */
  target: string;
  entityRef: string | null;
  /** The group ref of the team that should act, or `unallocated`. */
  owner: string;
  monthlySaving: number;
  detail: string;
}

export interface SavingsOptions {
  /** GPU utilisation under which GPUs count as under-used. */
  gpuUtilisationFloor: number;
  /** Request-to-usage ratio above which requests count as oversized. */
  requestOverUsage: number;
  /** Headroom kept above usage when sizing new requests. */
  headroom: number;
  /** Ignore recommendations that save less than this per month. */
  minMonthlySaving: number;
}

export const DEFAULT_SAVINGS_OPTIONS: SavingsOptions = {
  gpuUtilisationFloor: 0.3,
  requestOverUsage: 2,
  headroom: 1.3,
  minMonthlySaving: 5,
};

const HOURS_PER_MONTH = 730;

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * Cost that a request sized at usage × headroom would not have incurred, as
 * a share of what the request cost; 0 when the request is not oversized.
 */
function oversizedShare(
  request: number,
  usage: number,
  opts: SavingsOptions,
): number {
  if (request <= 0 || request < usage * opts.requestOverUsage) {
    return 0;
  }
  return Math.max(0, 1 - (usage * opts.headroom) / request);
}

/** Recommendations from allocations, attributed by namespace and workload. */
export function allocationSavings(
  allocations: WorkloadAllocation[],
  attribute: (a: WorkloadAllocation) => Attribution,
  options: Partial<SavingsOptions> = {},
): SavingsRecommendation[] {
  const opts = { ...DEFAULT_SAVINGS_OPTIONS, ...options };
  // Windows differ per workload; cost per hour scaled to a month evens them.
  const byWorkload = new Map<string, WorkloadAllocation[]>();
  for (const a of allocations) {
    const key = `${a.namespace}/${a.workload ?? ''}`;
    byWorkload.set(key, [...(byWorkload.get(key) ?? []), a]);
  }
  const recommendations: SavingsRecommendation[] = [];
  for (const [target, rows] of byWorkload) {
    const hours = rows.reduce((s, r) => s + r.windowHours, 0);
    if (hours <= 0) {
      continue;
    }
    const toMonth = HOURS_PER_MONTH / hours;
    const sum = (f: (r: WorkloadAllocation) => number) =>
      rows.reduce((s, r) => s + f(r), 0);
    const weighted = (f: (r: WorkloadAllocation) => number) =>
      sum(r => f(r) * r.windowHours) / hours;
    const attribution = attribute(rows[0]);
    const base = {
      target: target.replace(/\/$/, ''),
      entityRef: attribution.entityRef,
      owner: attribution.team,
    };

    const gpuCost = sum(r => r.gpuCost) * toMonth;
    const gpuRows = rows.filter(r => r.gpuUsageAverage !== null);
    if (gpuCost > 0 && gpuRows.length > 0) {
      const gpuHours = gpuRows.reduce((s, r) => s + r.gpuHours, 0);
      const utilisation =
        gpuHours > 0
          ? gpuRows.reduce(
              (s, r) => s + (r.gpuUsageAverage ?? 0) * r.gpuHours,
              0,
            ) / gpuHours
          : 0;
      if (utilisation < opts.gpuUtilisationFloor) {
        const saving =
          gpuCost *
          (1 -
            Math.min(
              1,
              (utilisation * opts.headroom) / opts.gpuUtilisationFloor,
            ));
        recommendations.push({
          ...base,
          kind: 'idle-gpu',
          monthlySaving: round(saving),
          detail: `GPUs ${percent(utilisation)} utilised over ${Math.round(
            hours,
          )} h; move to a smaller profile or share the GPU`,
        });
      }
    }

    const cpuShare = oversizedShare(
      weighted(r => r.cpuCoreRequestAverage),
      weighted(r => r.cpuCoreUsageAverage),
      opts,
    );
    const ramShare = oversizedShare(
      weighted(r => r.ramByteRequestAverage),
      weighted(r => r.ramByteUsageAverage),
      opts,
    );
    const requestSaving =
      (sum(r => r.cpuCost) * cpuShare + sum(r => r.ramCost) * ramShare) *
      toMonth;
    if (requestSaving > 0) {
      recommendations.push({
        ...base,
        kind: 'oversized-requests',
        monthlySaving: round(requestSaving),
        detail: `CPU request ${fmtRatio(
          weighted(r => r.cpuCoreRequestAverage),
          weighted(r => r.cpuCoreUsageAverage),
        )} of usage, RAM request ${fmtRatio(
          weighted(r => r.ramByteRequestAverage),
          weighted(r => r.ramByteUsageAverage),
        )} of usage`,
      });
    }
  }
  return recommendations.filter(r => r.monthlySaving >= opts.minMonthlySaving);
}

function fmtRatio(request: number, usage: number): string {
  return usage > 0 ? `${(request / usage).toFixed(1)}×` : 'with no usage';
}

/**
 * Billed resources attributed to nobody: the whole monthly cost is at stake
 * until someone claims or deletes them.
 */
export function unownedResourceSavings(
  resources: ResourceCost[],
  days: number,
  options: Partial<SavingsOptions> = {},
): SavingsRecommendation[] {
  const opts = { ...DEFAULT_SAVINGS_OPTIONS, ...options };
  return resources
    .filter(r => r.attribution.team === UNALLOCATED)
    .map(r => ({
      kind: 'no-owner' as const,
      target: r.resourceId,
      entityRef: null,
      owner: UNALLOCATED,
      monthlySaving: round((r.cost * 30) / days),
      detail: `${r.serviceName} resource ${
        r.resourceName ?? r.resourceId
      } has no service or team tag`,
    }))
    .filter(r => r.monthlySaving >= opts.minMonthlySaving);
}

/** Largest saving first. */
export function sortSavings(
  recommendations: SavingsRecommendation[],
): SavingsRecommendation[] {
  return [...recommendations].sort((a, b) => b.monthlySaving - a.monthlySaving);
}
