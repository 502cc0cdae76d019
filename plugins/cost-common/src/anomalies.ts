import { roundToCents as round } from './money';
import { addDays } from './series';

/**
 * Cost anomalies: a day of one service far above what that service usually
 * costs on such a day. The method, its constants and why they were chosen
 * are written down in docs/cost-anomalies.md; keep the two in step.
 */

/**
 * One day of a service's cost. `cost` is null when there is no billing data
 * for that day at all (before the first export, or a gap in the exports):
 * unknown, which is not the same as a day that cost nothing.
 */
export interface SeriesDay {
  date: string;
  cost: number | null;
  /** The day's cost by FOCUS service category. */
  parts?: Record<string, number>;
}

export interface AnomalyMethod {
  /** Trailing days before a day that form its history. */
  windowDays: number;
  /** Days with data in that window needed to judge a day at all. */
  minHistoryDays: number;
  /** Same-weekday days in the window needed to use their median. */
  minSameWeekdays: number;
  /** High days in the window from which high days are the pattern. */
  minHighDays: number;
  /** Robust z-score (against the median and MAD) a day must pass. */
  threshold: number;
  /** A day must cost at least this multiple of its reference. */
  minRatio: number;
  /** ...and at least this much more than it, in the billing currency. */
  minIncrease: number;
}

export const ANOMALY_METHOD: AnomalyMethod = {
  windowDays: 28,
  minHistoryDays: 14,
  minSameWeekdays: 3,
  minHighDays: 2,
  threshold: 3.5,
  minRatio: 1.5,
  minIncrease: 10,
};

/** What a day is compared with, from its trailing window. */
export interface DayBaseline {
  /** Days with data in the trailing window. */
  historyDays: number;
  /**
   * An ordinary day: the higher of the median of the window and the median
   * of the same weekday in it.
   */
  usual: number;
  /** The median of the window's high days, when they are a pattern. */
  usualHigh: number | null;
  /** What the day must clearly exceed: the larger of the two above. */
  reference: number;
}

export type DayVerdict =
  | { verdict: 'anomaly'; baseline: DayBaseline }
  | { verdict: 'ordinary'; baseline: DayBaseline }
  | {
      verdict: 'not-enough-history';
      /**
       * `short`: fewer than `minHistoryDays` days with data; `no-usual-cost`:
       * the service usually costs nothing, so "usual" would read €0.00.
       */
      reason: 'short' | 'no-usual-cost';
      historyDays: number;
    }
  /** No data for the day itself. */
  | { verdict: 'no-data' };

/**
 * The lower median: of an even count, the lower middle value, so it is a
 * cost some day had. Two training days among four Thursdays do not make an
 * ordinary Thursday cost half a training run.
 */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Judges one day against the days before it (any order; only those with
 * data count, and only the last `windowDays` calendar days of them).
 */
export function judgeDay(
  day: SeriesDay,
  before: SeriesDay[],
  method: AnomalyMethod = ANOMALY_METHOD,
): DayVerdict {
  if (day.cost === null) {
    return { verdict: 'no-data' };
  }
  const start = addDays(day.date, -method.windowDays);
  const history = before.filter(
    (d): d is SeriesDay & { cost: number } =>
      d.cost !== null && d.date >= start && d.date < day.date,
  );
  if (history.length < method.minHistoryDays) {
    return {
      verdict: 'not-enough-history',
      reason: 'short',
      historyDays: history.length,
    };
  }
  const costs = history.map(d => d.cost);
  const level = median(costs);
  // 1.4826 scales the MAD to a standard deviation for normal data; a few
  // earlier spikes move neither the median nor the MAD.
  const spread = 1.4826 * median(costs.map(c => Math.abs(c - level)));
  const sameWeekday = history
    .filter(d => weekday(d.date) === weekday(day.date))
    .map(d => d.cost);
  const usual =
    sameWeekday.length >= method.minSameWeekdays
      ? Math.max(level, median(sameWeekday))
      : level;
  // Days that would have stood out against the ordinary level: once there
  // are a few, they are the service's rhythm (training runs, batch days).
  const high = costs.filter(c => standsOut(c, level, spread, level, method));
  const usualHigh = high.length >= method.minHighDays ? median(high) : null;
  const baseline = {
    historyDays: history.length,
    usual: round(usual),
    usualHigh: usualHigh === null ? null : round(usualHigh),
    reference: round(Math.max(usual, usualHigh ?? 0)),
  };
  if (baseline.reference === 0) {
    return {
      verdict: 'not-enough-history',
      reason: 'no-usual-cost',
      historyDays: history.length,
    };
  }
  return {
    verdict: standsOut(
      day.cost,
      level,
      spread,
      Math.max(usual, usualHigh ?? 0),
      method,
    )
      ? 'anomaly'
      : 'ordinary',
    baseline,
  };
}

function standsOut(
  cost: number,
  level: number,
  spread: number,
  reference: number,
  method: AnomalyMethod,
): boolean {
  const farFromLevel =
    spread === 0 ? cost > level : (cost - level) / spread > method.threshold;
  return (
    farFromLevel &&
    cost >= reference * method.minRatio &&
    cost - reference >= method.minIncrease
  );
}

/** A day of a service that stands out, with what it was compared with. */
export interface CostAnomaly extends DayBaseline {
  date: string;
  actual: number;
  /** actual - reference. */
  increase: number;
  /** The service category whose cost rose most against its own median. */
  category: string;
  categoryIncrease: number;
}

/** Days of a series that could not be judged, and why. */
export interface UncheckedDays {
  reason: 'short' | 'no-usual-cost';
  days: number;
  first: string;
  last: string;
}

export interface SeriesJudgement {
  anomalies: CostAnomaly[];
  /** One entry per reason; only days that cost at least `minIncrease`. */
  unchecked: UncheckedDays[];
}

/**
 * Judges every day of `series` (oldest first, one entry per calendar day)
 * from `from` on; the days before only serve as history.
 */
export function judgeSeries(
  series: SeriesDay[],
  from: string,
  method: AnomalyMethod = ANOMALY_METHOD,
): SeriesJudgement {
  const anomalies: CostAnomaly[] = [];
  const unchecked = new Map<string, UncheckedDays>();
  series.forEach((day, i) => {
    if (day.date < from) {
      return;
    }
    const before = series.slice(Math.max(0, i - method.windowDays), i);
    const verdict = judgeDay(day, before, method);
    if (verdict.verdict === 'anomaly') {
      anomalies.push({
        date: day.date,
        actual: round(day.cost!),
        ...verdict.baseline,
        increase: round(day.cost! - verdict.baseline.reference),
        ...explain(day, before),
      });
    } else if (
      verdict.verdict === 'not-enough-history' &&
      day.cost! >= method.minIncrease
    ) {
      const entry = unchecked.get(verdict.reason);
      if (entry) {
        entry.days += 1;
        entry.last = day.date;
      } else {
        unchecked.set(verdict.reason, {
          reason: verdict.reason,
          days: 1,
          first: day.date,
          last: day.date,
        });
      }
    }
  });
  return { anomalies, unchecked: [...unchecked.values()] };
}

function explain(
  day: SeriesDay,
  before: SeriesDay[],
): { category: string; categoryIncrease: number } {
  const withData = before.filter(d => d.cost !== null);
  const categories = new Set([
    ...Object.keys(day.parts ?? {}),
    ...withData.flatMap(d => Object.keys(d.parts ?? {})),
  ]);
  let best = { category: '', increase: -Infinity };
  for (const category of [...categories].sort()) {
    const usual = withData.length
      ? median(withData.map(d => d.parts?.[category] ?? 0))
      : 0;
    const increase = (day.parts?.[category] ?? 0) - usual;
    if (increase > best.increase) {
      best = { category, increase };
    }
  }
  return {
    category: best.category,
    categoryIncrease: best.category ? round(best.increase) : 0,
  };
}
