/**
 * Cost anomalies: a day far off its recent baseline. The baseline is the
 * median of the preceding days and the spread their median absolute
 * deviation, which one earlier spike cannot inflate the way a mean and
 * standard deviation would.
 */

/** One day's cost, split by the (service, category) pairs that made it. */
export interface CostDay {
  date: string;
  total: number;
  parts: Array<{ service: string; category: string; cost: number }>;
}

export interface CostAnomaly {
  date: string;
  actual: number;
  expected: number;
  /** actual - expected. */
  deviation: number;
  /** The service and category whose cost moved most in the same direction. */
  service: string;
  category: string;
  /** That pair's cost that day minus its baseline average. */
  serviceDelta: number;
}

export interface AnomalyOptions {
  /** Days before a day that form its baseline. */
  baselineDays: number;
  /** Robust z-score above which a day is an anomaly. */
  threshold: number;
  /** Ignore deviations smaller than this share of the baseline. */
  minRelative: number;
  /** Ignore deviations smaller than this amount. */
  minAbsolute: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = {
  baselineDays: 14,
  threshold: 3.5,
  minRelative: 0.2,
  minAbsolute: 1,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Days (oldest first, one per calendar day) that stand out, oldest first. */
export function detectAnomalies(
  days: CostDay[],
  options: Partial<AnomalyOptions> = {},
): CostAnomaly[] {
  const opts = { ...DEFAULT_ANOMALY_OPTIONS, ...options };
  const anomalies: CostAnomaly[] = [];
  for (let i = opts.baselineDays; i < days.length; i++) {
    const baseline = days.slice(i - opts.baselineDays, i);
    const totals = baseline.map(d => d.total);
    const expected = median(totals);
    // 1.4826 scales the MAD to a standard deviation for normal data.
    const spread = 1.4826 * median(totals.map(t => Math.abs(t - expected)));
    const day = days[i];
    const deviation = day.total - expected;
    const bigEnough =
      Math.abs(deviation) >= opts.minAbsolute &&
      Math.abs(deviation) >= opts.minRelative * expected;
    const unusual =
      spread === 0
        ? deviation !== 0
        : Math.abs(deviation) / spread > opts.threshold;
    if (!bigEnough || !unusual) {
      continue;
    }
    const explanation = explain(day, baseline, Math.sign(deviation));
    anomalies.push({
      date: day.date,
      actual: round(day.total),
      expected: round(expected),
      deviation: round(deviation),
      ...explanation,
    });
  }
  return anomalies;
}

function explain(
  day: CostDay,
  baseline: CostDay[],
  direction: number,
): { service: string; category: string; serviceDelta: number } {
  const key = (p: { service: string; category: string }) =>
    `${p.service}\u0000${p.category}`;
  const baselineSum = new Map<string, number>();
  for (const d of baseline) {
    for (const p of d.parts) {
      baselineSum.set(key(p), (baselineSum.get(key(p)) ?? 0) + p.cost);
    }
  }
  const dayCost = new Map<string, number>();
  for (const p of day.parts) {
    dayCost.set(key(p), (dayCost.get(key(p)) ?? 0) + p.cost);
  }
  let best = { key: '', delta: 0 };
  for (const k of new Set([...baselineSum.keys(), ...dayCost.keys()])) {
    const delta =
      (dayCost.get(k) ?? 0) - (baselineSum.get(k) ?? 0) / baseline.length;
    if (delta * direction > best.delta * direction) {
      best = { key: k, delta };
    }
  }
  const [service = '', category = ''] = best.key.split('\u0000');
  return { service, category, serviceDelta: round(best.delta) };
}
