// Anomalies per service: a jump that matters to one service is lost in the
// noise of its team's or the organisation's bill, and a bursty service
// would make its whole team look bursty. Pure.
import {
  addDays,
  ANOMALY_METHOD,
  judgeSeries,
  SeriesDay,
  ServiceAnomaly,
  UncheckedService,
} from '@gogidix/plugin-cost-common';
import type { AttributedCost } from './costOverview';

/** Days before the first day shown that a day's history reaches back. */
export const ANOMALY_HISTORY_DAYS = ANOMALY_METHOD.windowDays;

/** One series per service: a component, or a team's untagged cost. */
export const serviceKey = (c: AttributedCost) =>
  c.entityRef ?? `team:${c.team}|${c.service}`;

/**
 * Judges every service's days from `from` to `to`, with the days from
 * `earliest` as history. A day outside `datesWithData` has no billing data
 * at all and is unknown; a day with data but no row for a service cost it
 * nothing.
 */
export function serviceAnomalies(
  costs: AttributedCost[],
  datesWithData: ReadonlySet<string>,
  range: { earliest: string; from: string; to: string },
): { anomalies: ServiceAnomaly[]; unchecked: UncheckedService[] } {
  const byService = new Map<string, AttributedCost[]>();
  for (const c of costs) {
    const rows = byService.get(serviceKey(c)) ?? [];
    rows.push(c);
    byService.set(serviceKey(c), rows);
  }
  const anomalies: ServiceAnomaly[] = [];
  const unchecked: UncheckedService[] = [];
  for (const rows of byService.values()) {
    const owner = {
      entityRef: rows[0].entityRef,
      name: rows[0].service,
      team: rows[0].team,
    };
    const judgement = judgeSeries(
      daysOf(rows, datesWithData, range.earliest, range.to),
      range.from,
    );
    anomalies.push(...judgement.anomalies.map(a => ({ ...a, ...owner })));
    unchecked.push(...judgement.unchecked.map(u => ({ ...u, ...owner })));
  }
  return {
    anomalies: anomalies.sort(
      (a, b) => b.date.localeCompare(a.date) || b.increase - a.increase,
    ),
    unchecked: unchecked.sort(
      (a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name),
    ),
  };
}

function daysOf(
  rows: AttributedCost[],
  datesWithData: ReadonlySet<string>,
  from: string,
  to: string,
): SeriesDay[] {
  const byDate = new Map<string, AttributedCost[]>();
  for (const r of rows) {
    const same = byDate.get(r.date) ?? [];
    same.push(r);
    byDate.set(r.date, same);
  }
  const days: SeriesDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!datesWithData.has(date)) {
      days.push({ date, cost: null });
      continue;
    }
    const parts: Record<string, number> = {};
    let cost = 0;
    for (const r of byDate.get(date) ?? []) {
      parts[r.serviceCategory] = (parts[r.serviceCategory] ?? 0) + r.cost;
      cost += r.cost;
    }
    days.push({ date, cost, parts });
  }
  return days;
}
