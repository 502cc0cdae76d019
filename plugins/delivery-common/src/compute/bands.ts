import { DoraBand } from '../metrics';

/** The four keys DORA rates, in the units the portal computes them in. */
export type DoraMetric =
  | 'deploymentFrequency'
  | 'leadTimeHours'
  | 'changeFailureRate'
  | 'timeToRestoreMinutes';

/**
 * The band edges of each key. `direction` says which way is better; each
 * bound is inclusive and the first band whose bound the value reaches wins,
 * anything past the medium bound is `low`.
 */
export interface DoraBandEdges {
  direction: 'higher-is-better' | 'lower-is-better';
  elite: number;
  high: number;
  medium: number;
  /** What the report says, for tooltips and the README. */
  described: string;
}

const DAY_HOURS = 24;
const WEEK_HOURS = 7 * DAY_HOURS;
const MONTH_HOURS = 30 * DAY_HOURS;

/**
 * Source: Google Cloud DORA, "Accelerate State of DevOps Report 2023",
 * software delivery performance clusters (elite, high, medium, low). The
 * report gives ranges ("between once per day and once per week"); the edges
 * below are where one cluster's range ends and the next begins, a month read
 * as 30 days and "less than one day" as at most 24 hours. The 2024 report
 * keeps the same throughput and recovery edges but its clusters' change
 * failure rates are not ordered (high 20%, medium 10%), so no band edge can
 * be read from them; change failure rate keeps the 2023 edges.
 */
export const DORA_BANDS: Record<DoraMetric, DoraBandEdges> = {
  // Deployments per day: on demand (daily or more), at least weekly, at least monthly.
  deploymentFrequency: {
    direction: 'higher-is-better',
    elite: 1,
    high: 1 / 7,
    medium: 1 / 30,
    described:
      'elite: on demand (daily or more); high: between daily and weekly; medium: between weekly and monthly; low: less than monthly',
  },
  // Hours from commit to production: a day, a week, a month.
  leadTimeHours: {
    direction: 'lower-is-better',
    elite: DAY_HOURS,
    high: WEEK_HOURS,
    medium: MONTH_HOURS,
    described:
      'elite: less than a day; high: a day to a week; medium: a week to a month; low: more than a month',
  },
  // Share of production deployments that fail.
  changeFailureRate: {
    direction: 'lower-is-better',
    elite: 0.05,
    high: 0.1,
    medium: 0.15,
    described: 'elite: 5%; high: 10%; medium: 15%; low: more than 15%',
  },
  // Minutes to restore service: an hour, a day, a week.
  timeToRestoreMinutes: {
    direction: 'lower-is-better',
    elite: 60,
    high: DAY_HOURS * 60,
    medium: WEEK_HOURS * 60,
    described:
      'elite: less than an hour; high: less than a day; medium: a day to a week; low: more than a week',
  },
};

const BANDS_BEST_FIRST = ['elite', 'high', 'medium'] as const;

/** The DORA band of a figure; null when there is no figure to rate. */
export function doraBand(
  metric: DoraMetric,
  value: number | null,
): DoraBand | null {
  if (value === null || !Number.isFinite(value)) return null;
  const edges = DORA_BANDS[metric];
  for (const band of BANDS_BEST_FIRST) {
    const reached =
      edges.direction === 'higher-is-better'
        ? value >= edges[band]
        : value <= edges[band];
    if (reached) return band;
  }
  return 'low';
}
