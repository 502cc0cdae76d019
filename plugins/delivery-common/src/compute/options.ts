import { AlertEvent, DeploymentEvent, IncidentEvent } from '../events';
import { DeliveryPeriod } from '../metrics';

/** The stored events of one or many services that the metrics read. */
export interface DeliveryEvents {
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  alerts: AlertEvent[];
}

/** How events are judged; every field has a default (`DEFAULT_DELIVERY_JUDGEMENT`). */
export interface DeliveryJudgementOptions {
  /** The environment the metrics count (compared without case). */
  environment?: string;
  /** An incident this long after a deployment finished makes it a failed change. */
  failureWindowHours?: number;
  /**
   * How far the sources' clocks may disagree: a deployment finishing this
   * long after an incident's trigger still counts as before it, and an alert
   * starting this long after the trigger still detected it (in 0 minutes).
   */
  clockSkewMinutes?: number;
  /** How long before an incident's trigger a burn alert may start and still be its detection. */
  detectionLookbackHours?: number;
}

export interface DeliveryOptions extends DeliveryJudgementOptions {
  /** Start of the period (inclusive). */
  from: Date | string;
  /** End of the period (exclusive); the previous period is as long and ends at `from`. */
  to: Date | string;
}

export const DEFAULT_DELIVERY_JUDGEMENT: Required<DeliveryJudgementOptions> = {
  environment: 'production',
  // A regression usually shows within a day of traffic; longer windows
  // blame a deploy for the next day's unrelated incidents.
  failureWindowHours: 24,
  clockSkewMinutes: 2,
  // Burn-rate alerts of the slowest page window (6h) start within 6 hours
  // of the burn that pages; an older alert belongs to something else.
  detectionLookbackHours: 6,
};

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds of an ISO 8601 time; NaN when it is not one. */
export function timeMs(value: string | Date | null): number {
  if (value === null) return NaN;
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/** The judgement options with their defaults, checked. */
export function judgementSettings(
  options: DeliveryJudgementOptions,
): Required<DeliveryJudgementOptions> {
  const settings = { ...DEFAULT_DELIVERY_JUDGEMENT };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && key in settings) {
      (settings as Record<string, unknown>)[key] = value;
    }
  }
  for (const key of [
    'failureWindowHours',
    'clockSkewMinutes',
    'detectionLookbackHours',
  ] as const) {
    if (!Number.isFinite(settings[key]) || settings[key] < 0) {
      throw new RangeError(
        `${key} must be a number of at least 0, got ${settings[key]}`,
      );
    }
  }
  return settings;
}

/** The period `[from, to)` and the one of equal length before it. */
export interface ResolvedPeriod {
  period: DeliveryPeriod;
  fromMs: number;
  toMs: number;
  previousFromMs: number;
}

export function resolvePeriod(options: {
  from: Date | string;
  to: Date | string;
}): ResolvedPeriod {
  const fromMs = timeMs(options.from);
  const toMs = timeMs(options.to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs <= fromMs) {
    throw new RangeError(
      `the period needs an ISO 8601 'from' before 'to', got ${String(
        options.from,
      )} to ${String(options.to)}`,
    );
  }
  return {
    period: {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      days: (toMs - fromMs) / DAY_MS,
    },
    fromMs,
    toMs,
    previousFromMs: fromMs - (toMs - fromMs),
  };
}

/**
 * The `k`-th smallest (from 0) of `values`, which it reorders so that the
 * `k` smallest come first. Three-way partitions: samples in whole minutes
 * repeat a lot, and equal values end a round instead of slowing it.
 */
function selectKth(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const a = values[low];
    const b = values[(low + high) >> 1];
    const c = values[high];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    let less = low;
    let at = low;
    let greater = high;
    while (at <= greater) {
      const value = values[at];
      if (value < pivot) {
        values[at++] = values[less];
        values[less++] = value;
      } else if (value > pivot) {
        values[at] = values[greater];
        values[greater--] = value;
      } else {
        at += 1;
      }
    }
    if (k < less) high = less - 1;
    else if (k > greater) low = greater + 1;
    else return pivot;
  }
  return values[k];
}

/** The median; the mean of the two middle values for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // Selection instead of a sort: the org page pools hundreds of thousands
  // of samples per median, and the same middle values come out.
  const copy = Float64Array.from(values);
  const middle = copy.length >> 1;
  const upper = selectKth(copy, middle);
  if (copy.length % 2 === 1) return upper;
  let lower = copy[0];
  for (let i = 1; i < middle; i++) {
    if (copy[i] > lower) lower = copy[i];
  }
  return (lower + upper) / 2;
}
