// The rows of the cost CSV download: attributed cost summed per day, team,
// system, service and category. Pure: CostService reads and scopes the rows.
import { roundToCents } from '@gogidix/plugin-cost-common';
import { AttributedCost, sumBy } from './costOverview';

/** One row of the CSV export. */
export interface CostExportRow {
  date: string;
  /** The team's full group ref, or `unallocated`. */
  team: string;
  system: string;
  service: string;
  entityRef: string;
  serviceCategory: string;
  cost: number;
}

const SEPARATOR = '\u0000';

/** Sums the rows per key, rounds to cents, sorts by date, team, service. */
export function costExportRows(costs: AttributedCost[]): CostExportRow[] {
  const rows = sumBy(
    costs,
    c =>
      [
        c.date,
        c.team,
        c.system ?? '',
        c.service,
        c.entityRef ?? '',
        c.serviceCategory,
      ].join(SEPARATOR),
    c => c.cost,
  );
  return [...rows.entries()]
    .map(([key, cost]) => {
      const [date, team, system, service, entityRef, serviceCategory] =
        key.split(SEPARATOR);
      return {
        date,
        team,
        system,
        service,
        entityRef,
        serviceCategory,
        cost: roundToCents(cost),
      };
    })
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.team.localeCompare(b.team) ||
        a.service.localeCompare(b.service),
    );
}
