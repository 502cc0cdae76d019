/**
 * Daily series, period-over-period change, month-end forecast and movers:
 * pure arithmetic over already attributed daily costs.
 */
import { roundToCents } from './money';

/** Cost of one day, split by a dimension (service category, team, ...). */
export interface DailyCost {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  total: number;
  parts: Record<string, number>;
}

export interface CostPoint {
  date: string;
  /** The dimension value the cost is split by. */
  part: string;
  cost: number;
}

export interface PeriodChange {
  current: number;
  previous: number;
  /** Null when the two periods cannot be compared (see {@link PeriodComparison}). */
  change: number | null;
  /**
   * Relative change; null when the previous period cost nothing or the two
   * periods cannot be compared.
   */
  changeRatio: number | null;
}

/** How many days of a period have billing data at all. */
export interface PeriodCoverage {
  /** First and last day of the period. */
  from: string;
  to: string;
  days: number;
  daysWithData: number;
}

/**
 * The period shown and the one before it, and whether they can be compared:
 * only when billing data covers every day of both. A previous period that
 * starts before the first export would otherwise read as a huge rise.
 */
export interface PeriodComparison {
  current: PeriodCoverage;
  previous: PeriodCoverage;
  comparable: boolean;
}

export interface MonthEndForecast {
  /** `YYYY-MM`. */
  month: string;
  monthToDate: number;
  forecast: number;
  /** Days of the month after `asOf` that the forecast fills in. */
  remainingDays: number;
}

export interface CostMover {
  key: string;
  current: number;
  previous: number;
  change: number;
  changeRatio: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** Number of days from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): number {
  return (
    Math.round(
      (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
        DAY_MS,
    ) + 1
  );
}

const round = roundToCents;

/**
 * One entry for every day from `from` to `to` (inclusive), zero where there
 * was no cost, so charts do not skip quiet days.
 */
export function dailySeries(
  points: CostPoint[],
  from: string,
  to: string,
): DailyCost[] {
  const byDate = new Map<string, DailyCost>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    byDate.set(date, { date, total: 0, parts: {} });
  }
  for (const point of points) {
    const day = byDate.get(point.date);
    if (!day) {
      continue;
    }
    day.total += point.cost;
    day.parts[point.part] = (day.parts[point.part] ?? 0) + point.cost;
  }
  return [...byDate.values()].map(day => ({
    date: day.date,
    total: round(day.total),
    parts: Object.fromEntries(
      Object.entries(day.parts).map(([k, v]) => [k, round(v)]),
    ),
  }));
}

export function periodChange(
  current: number,
  previous: number,
  comparable = true,
): PeriodChange {
  return {
    current: round(current),
    previous: round(previous),
    change: comparable ? round(current - previous) : null,
    changeRatio:
      !comparable || previous === 0 ? null : (current - previous) / previous,
  };
}

/** How many days from `from` to `to` (inclusive) are in `datesWithData`. */
export function periodCoverage(
  datesWithData: ReadonlySet<string>,
  from: string,
  to: string,
): PeriodCoverage {
  let daysWithData = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (datesWithData.has(date)) daysWithData += 1;
  }
  return { from, to, days: daysBetween(from, to), daysWithData };
}

/** The current period (`from`..`to`) and the same number of days before it. */
export function comparePeriods(
  datesWithData: ReadonlySet<string>,
  from: string,
  to: string,
): PeriodComparison {
  const days = daysBetween(from, to);
  const current = periodCoverage(datesWithData, from, to);
  const previous = periodCoverage(
    datesWithData,
    addDays(from, -days),
    addDays(from, -1),
  );
  return {
    current,
    previous,
    comparable:
      current.daysWithData === current.days &&
      previous.daysWithData === previous.days,
  };
}

/**
 * Month-to-date cost plus the average of the last `trailingDays` days for
 * each remaining day of the month. A trailing average follows recent changes
 * (a new service, a cut) better than the month's own average.
 */
export function monthEndForecast(
  series: DailyCost[],
  asOf: string,
  trailingDays = 7,
): MonthEndForecast {
  const month = asOf.slice(0, 7);
  const upToDate = series.filter(d => d.date <= asOf);
  const monthToDate = upToDate
    .filter(d => d.date.startsWith(month))
    .reduce((sum, d) => sum + d.total, 0);
  const trailing = upToDate.slice(-trailingDays);
  const average =
    trailing.length === 0
      ? 0
      : trailing.reduce((sum, d) => sum + d.total, 0) / trailing.length;
  const [year, monthNumber] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const remainingDays = daysInMonth - Number(asOf.slice(8, 10));
  return {
    month,
    monthToDate: round(monthToDate),
    forecast: round(monthToDate + average * remainingDays),
    remainingDays,
  };
}

/** Keys ordered by the size of their change, largest first. */
export function topMovers(
  current: Map<string, number>,
  previous: Map<string, number>,
  limit = 10,
): CostMover[] {
  const keys = new Set([...current.keys(), ...previous.keys()]);
  return [...keys]
    .map(key => {
      const now = current.get(key) ?? 0;
      const before = previous.get(key) ?? 0;
      return {
        key,
        current: round(now),
        previous: round(before),
        change: round(now - before),
        changeRatio: before === 0 ? null : (now - before) / before,
      };
    })
    .filter(m => m.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, limit);
}
