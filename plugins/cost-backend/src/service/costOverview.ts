// What the cost page shows of a window of attributed cost: totals and their
// change, teams with budgets and forecasts, systems, movers, anomalies.
// Pure: CostService reads the rows and caches the result.
import {
  Attribution,
  comparePeriods,
  CostOverview,
  dailySeries,
  DailyCost,
  monthEndForecast,
  periodChange,
  roundToCents,
  topMovers,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { ANOMALY_HISTORY_DAYS, serviceAnomalies } from './costAnomalies';
import { unallocatedReasons } from './unallocatedReasons';

// The anomaly history needs this many days before the first day shown.
export const BASELINE_DAYS = ANOMALY_HISTORY_DAYS;

/** A cost group with its owner resolved against the catalog. */
export interface AttributedCost extends Attribution {
  date: string;
  serviceCategory: string;
  cost: number;
  /** The component's name, or a label for team-level or unallocated cost. */
  service: string;
}

/** The days an overview covers, and those it compares them with. */
export interface CostWindow {
  /** First and last day shown. */
  from: string;
  to: string;
  /** First day of the period compared with. */
  previousFrom: string;
  /** First day read: the comparison, the anomaly baseline, the month so far. */
  earliest: string;
}

/** Days with any billing data: a day without is unknown, not free. */
export function datesWithData(costs: AttributedCost[]): Set<string> {
  return new Set(costs.map(c => c.date));
}

export function sumBy<T>(
  items: T[],
  key: (item: T) => string,
  cost: (item: T) => number,
) {
  const sums = new Map<string, number>();
  for (const item of items) {
    sums.set(key(item), (sums.get(key(item)) ?? 0) + cost(item));
  }
  return sums;
}

export function costOverview(input: {
  /** The rows to show, already narrowed to the caller's teams and the team asked for. */
  costs: AttributedCost[];
  window: CostWindow;
  days: number;
  team: string | null;
  currency: string;
  /** Monthly budget per team. */
  budgets: Record<string, number>;
  /**
   * Days with any billing data, whoever's cost it is: a day the caller's
   * teams cost nothing is not a day without data.
   */
  datesWithData: ReadonlySet<string>;
}): CostOverview {
  const { costs, window: w, days, team } = input;
  const current = costs.filter(c => c.date >= w.from);
  const previous = costs.filter(
    c => c.date >= w.previousFrom && c.date < w.from,
  );
  const comparison = comparePeriods(input.datesWithData, w.from, w.to);

  const change = (
    key: (c: AttributedCost) => string,
  ): Array<[string, ReturnType<typeof periodChange>]> => {
    const now = sumBy(current, key, c => c.cost);
    const before = sumBy(previous, key, c => c.cost);
    return [...new Set([...now.keys(), ...before.keys()])]
      .map(
        k =>
          [
            k,
            periodChange(
              now.get(k) ?? 0,
              before.get(k) ?? 0,
              comparison.comparable,
            ),
          ] as [string, ReturnType<typeof periodChange>],
      )
      .sort((a, b) => b[1].current - a[1].current);
  };

  const byTeamDaily = (teamName: string): DailyCost[] =>
    dailySeries(
      costs
        .filter(c => c.team === teamName)
        .map(c => ({ date: c.date, part: c.serviceCategory, cost: c.cost })),
      w.earliest,
      w.to,
    );

  const moverKey = (c: AttributedCost) => c.entityRef ?? `team:${c.team}`;
  const labels = new Map(costs.map(c => [moverKey(c), c]));
  // Against an incomplete period every service would look like it grew.
  const movers = comparison.comparable
    ? topMovers(
        sumBy(current, moverKey, c => c.cost),
        sumBy(previous, moverKey, c => c.cost),
      ).map(m => {
        const c = labels.get(m.key)!;
        return {
          entityRef: c.entityRef,
          name: c.service,
          team: c.team,
          current: m.current,
          previous: m.previous,
          change: m.change,
          changeRatio: m.changeRatio,
        };
      })
    : [];
  const { anomalies, unchecked } = serviceAnomalies(
    costs,
    input.datesWithData,
    { earliest: w.earliest, from: w.from, to: w.to },
  );

  const allDaily = dailySeries(
    costs.map(c => ({ date: c.date, part: c.serviceCategory, cost: c.cost })),
    w.earliest,
    w.to,
  );

  return {
    currency: input.currency,
    days,
    from: w.from,
    to: w.to,
    team,
    total: periodChange(
      current.reduce((s, c) => s + c.cost, 0),
      previous.reduce((s, c) => s + c.cost, 0),
      comparison.comparable,
    ),
    comparison,
    unallocated: roundToCents(
      current
        .filter(c => c.team === UNALLOCATED)
        .reduce((s, c) => s + c.cost, 0),
    ),
    unallocatedReasons: unallocatedReasons(current),
    daily: dailySeries(
      current.map(c => ({ date: c.date, part: c.team, cost: c.cost })),
      w.from,
      w.to,
    ),
    teams: change(c => c.team).map(([name, pc]) => {
      const monthly = input.budgets[name];
      const forecast =
        monthly === undefined
          ? null
          : monthEndForecast(byTeamDaily(name), w.to);
      return {
        team: name,
        ...pc,
        budget: forecast
          ? {
              monthly,
              monthToDate: forecast.monthToDate,
              forecast: forecast.forecast,
            }
          : null,
      };
    }),
    systems: change(c => c.system ?? UNALLOCATED).map(([system, pc]) => ({
      system,
      ...pc,
    })),
    movers,
    anomalies,
    unchecked,
    forecast: monthEndForecast(allDaily, w.to),
  };
}
