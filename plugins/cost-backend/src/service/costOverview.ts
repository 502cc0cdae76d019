// What the cost page shows of a window of attributed cost: totals and their
// change, teams with budgets and forecasts, systems, movers, anomalies.
// Pure: CostService reads the rows and caches the result.
import {
  addDays,
  Attribution,
  CostDay,
  CostOverview,
  dailySeries,
  DailyCost,
  detectAnomalies,
  monthEndForecast,
  periodChange,
  TeamAnomaly,
  topMovers,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { unallocatedReasons } from './unallocatedReasons';

// The anomaly baseline needs this many days before the first day shown.
export const BASELINE_DAYS = 14;

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
}): CostOverview {
  const { costs, window: w, days, team } = input;
  const current = costs.filter(c => c.date >= w.from);
  const previous = costs.filter(
    c => c.date >= w.previousFrom && c.date < w.from,
  );

  const change = (
    key: (c: AttributedCost) => string,
  ): Array<[string, ReturnType<typeof periodChange>]> => {
    const now = sumBy(current, key, c => c.cost);
    const before = sumBy(previous, key, c => c.cost);
    return [...new Set([...now.keys(), ...before.keys()])]
      .map(
        k =>
          [k, periodChange(now.get(k) ?? 0, before.get(k) ?? 0)] as [
            string,
            ReturnType<typeof periodChange>,
          ],
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
  const movers = topMovers(
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
  });

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
    ),
    unallocated:
      Math.round(
        current
          .filter(c => c.team === UNALLOCATED)
          .reduce((s, c) => s + c.cost, 0) * 100,
      ) / 100,
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
    anomalies: teamAnomalies(costs, w.earliest, w.to).filter(
      a => a.date >= w.from,
    ),
    forecast: monthEndForecast(allDaily, w.to),
  };
}

/**
 * Per team: a jump that matters to one team is lost in the noise of the
 * whole organisation's bill.
 */
export function teamAnomalies(
  costs: AttributedCost[],
  from: string,
  to: string,
): TeamAnomaly[] {
  const teams = new Map<string, Map<string, CostDay>>();
  for (const c of costs) {
    let days = teams.get(c.team);
    if (!days) {
      days = new Map();
      for (let date = from; date <= to; date = addDays(date, 1)) {
        days.set(date, { date, total: 0, parts: [] });
      }
      teams.set(c.team, days);
    }
    const day = days.get(c.date);
    if (day) {
      day.total += c.cost;
      day.parts.push({
        service: c.service,
        category: c.serviceCategory,
        cost: c.cost,
      });
    }
  }
  return [...teams]
    .flatMap(([team, days]) =>
      detectAnomalies([...days.values()], {
        baselineDays: BASELINE_DAYS,
      }).map(a => ({ ...a, team })),
    )
    .sort(
      (a, b) =>
        b.date.localeCompare(a.date) ||
        Math.abs(b.deviation) - Math.abs(a.deviation),
    );
}
