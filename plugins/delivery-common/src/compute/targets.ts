import { DeliveryMetrics } from '../metrics';

/** The platform's success metrics (issue 22), each a target on one measured figure. */
export type PlatformTargetId =
  | 'deployment-speed'
  | 'time-to-detect'
  | 'time-to-restore'
  | 'incidents'
  | 'infrastructure-cost'
  | 'slo-api-gateway'
  | 'slo-service-mesh'
  | 'slo-monitoring'
  | 'slo-ci-cd'
  | 'slo-backups';

/**
 * How a measured figure meets its target: `reduction` against the same
 * figure before the platform (the baseline), `below` or `atLeast` a fixed
 * limit.
 */
export type PlatformTargetRule =
  | { kind: 'reduction'; by: number }
  | { kind: 'below'; limit: number }
  | { kind: 'atLeast'; limit: number };

export interface PlatformTarget {
  id: PlatformTargetId;
  title: string;
  /** The figure measured, in its unit. */
  measure: string;
  unit: 'hours' | 'minutes' | 'incidents' | 'cost' | 'ratio';
  rule: PlatformTargetRule;
  /** Where the measured figure comes from. */
  source: 'delivery' | 'cost' | 'slo';
}

/** The success metrics the platform is judged by, one row each. */
export const PLATFORM_TARGETS: readonly PlatformTarget[] = [
  // "Deployment speed 40% faster": commit-to-production time down by 40%.
  {
    id: 'deployment-speed',
    title: 'Deployment speed 40% faster',
    measure: 'median lead time for changes',
    unit: 'hours',
    rule: { kind: 'reduction', by: 0.4 },
    source: 'delivery',
  },
  {
    id: 'time-to-detect',
    title: 'Time to detect under 5 minutes',
    measure: 'median minutes from the first burn alert to the incident',
    unit: 'minutes',
    rule: { kind: 'below', limit: 5 },
    source: 'delivery',
  },
  {
    id: 'time-to-restore',
    title: 'Time to resolve under 30 minutes',
    measure: 'median minutes from an incident to its resolution',
    unit: 'minutes',
    rule: { kind: 'below', limit: 30 },
    source: 'delivery',
  },
  // Over a period as long as the baseline's.
  {
    id: 'incidents',
    title: 'Half as many incidents',
    measure: 'incidents triggered in the period',
    unit: 'incidents',
    rule: { kind: 'reduction', by: 0.5 },
    source: 'delivery',
  },
  {
    id: 'infrastructure-cost',
    title: 'Infrastructure cost 20% lower',
    measure: 'infrastructure cost over the period',
    unit: 'cost',
    rule: { kind: 'reduction', by: 0.2 },
    source: 'cost',
  },
  {
    id: 'slo-api-gateway',
    title: 'API gateway availability 99.95%',
    measure: 'SLI of the API gateway SLO',
    unit: 'ratio',
    rule: { kind: 'atLeast', limit: 0.9995 },
    source: 'slo',
  },
  {
    id: 'slo-service-mesh',
    title: 'Service mesh availability 99.9%',
    measure: 'SLI of the service mesh SLO',
    unit: 'ratio',
    rule: { kind: 'atLeast', limit: 0.999 },
    source: 'slo',
  },
  {
    id: 'slo-monitoring',
    title: 'Monitoring availability 99.9%',
    measure: 'SLI of the monitoring SLO',
    unit: 'ratio',
    rule: { kind: 'atLeast', limit: 0.999 },
    source: 'slo',
  },
  {
    id: 'slo-ci-cd',
    title: 'CI/CD availability 99.5%',
    measure: 'SLI of the CI/CD SLO',
    unit: 'ratio',
    rule: { kind: 'atLeast', limit: 0.995 },
    source: 'slo',
  },
  {
    id: 'slo-backups',
    title: 'Backups 100% successful',
    measure: 'share of successful backups',
    unit: 'ratio',
    rule: { kind: 'atLeast', limit: 1 },
    source: 'slo',
  },
];

/** Measured figures by target; a missing or null figure is "no data". */
export type PlatformMeasurements = Partial<
  Record<PlatformTargetId, number | null>
>;

export interface PlatformTargetResult {
  target: PlatformTarget;
  status: 'met' | 'not-met' | 'no-data';
  measured: number | null;
  baseline: number | null;
  /** The figure to reach (a limit, or the baseline reduced); null without a baseline. */
  goal: number | null;
}

const figure = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

// Ratios such as 1 - 0.0005 are not exact in floating point.
const TOLERANCE = 1e-9;

/**
 * Each platform target against the measured figures: a reduction needs a
 * baseline (a figure before the platform, over a period of equal length);
 * a limit needs only the measured figure.
 */
export function evaluateTargets(
  measured: PlatformMeasurements,
  baseline: PlatformMeasurements,
  targets: readonly PlatformTarget[] = PLATFORM_TARGETS,
): PlatformTargetResult[] {
  return targets.map(target => {
    const value = figure(measured[target.id]);
    const before = figure(baseline[target.id]);
    const { rule } = target;
    let goal: number | null;
    if (rule.kind === 'reduction') {
      goal = before !== null && before >= 0 ? before * (1 - rule.by) : null;
    } else {
      goal = rule.limit;
    }
    let status: PlatformTargetResult['status'] = 'no-data';
    if (value !== null && goal !== null) {
      let met: boolean;
      if (rule.kind === 'below') met = value < goal;
      else if (rule.kind === 'atLeast') met = value >= goal - TOLERANCE;
      else met = value <= goal + TOLERANCE;
      status = met ? 'met' : 'not-met';
    }
    return { target, status, measured: value, baseline: before, goal };
  });
}

/** The delivery figures of the targets, from a period's delivery metrics. */
export function deliveryMeasurements(
  metrics: DeliveryMetrics,
): PlatformMeasurements {
  return {
    'deployment-speed': metrics.leadTimeHours.value,
    'time-to-detect': metrics.timeToDetectMinutes.value,
    'time-to-restore': metrics.timeToRestoreMinutes.value,
    incidents: metrics.incidentCount.value,
  };
}
