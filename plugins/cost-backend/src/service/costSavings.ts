// Every owner's savings recommendations: idle requests from OpenCost
// allocations and billed resources no component or team owns.
import {
  addDays,
  allocationSavings,
  CostAttributionIndex,
  sortSavings,
  unownedResourceSavings,
} from '@gogidix/plugin-cost-common';
import { CostStore } from '../database/CostStore';

/** The days of allocations and charges recommendations are drawn from. */
export const SAVINGS_DAYS = 30;

export async function allSavings(
  store: CostStore,
  index: CostAttributionIndex,
  today: string,
) {
  const to = (await store.latestChargeDate()) ?? today;
  const range = { from: addDays(to, -(SAVINGS_DAYS - 1)), to };
  const [allocations, resources] = await Promise.all([
    store.allocations({
      from: addDays(today, -(SAVINGS_DAYS - 1)),
      to: today,
    }),
    store.resourceCosts(range),
  ]);
  return sortSavings([
    ...allocationSavings(allocations, a =>
      index.attribute({
        serviceTag: null,
        teamTag: null,
        namespace: a.namespace,
        workload: a.workload,
      }),
    ),
    ...unownedResourceSavings(
      resources.map(r => ({ ...r, attribution: index.attribute(r) })),
      SAVINGS_DAYS,
    ),
  ]);
}
