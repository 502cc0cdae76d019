// Why unallocated cost matched no rule, grouped so that the page can say
// "tag gogidix:service = 'old-api' names no catalog component: €1,234".
import {
  roundToCents,
  UnallocatedReason,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { AttributedCost } from './costOverview';

// The page lists the largest; the rest are summed into one line.
const MAX_REASONS = 10;

/** Unallocated cost per reason, largest first, to the cent. */
export function unallocatedReasons(
  costs: AttributedCost[],
): UnallocatedReason[] {
  const sums = new Map<string, number>();
  for (const c of costs) {
    if (c.team !== UNALLOCATED) continue;
    const reason =
      c.rule === 'contested'
        ? `contested: ${c.reason ?? 'two owners claim its key'}`
        : c.reason ?? 'matched no attribution rule';
    sums.set(reason, (sums.get(reason) ?? 0) + c.cost);
  }
  // Summed unrounded and rounded once, so the lines add up to the total.
  const sorted = [...sums]
    .map(([reason, cost]) => ({ reason, cost }))
    .sort((a, b) => b.cost - a.cost || a.reason.localeCompare(b.reason));
  const rounded = (r: UnallocatedReason) => ({
    reason: r.reason,
    cost: roundToCents(r.cost),
  });
  if (sorted.length <= MAX_REASONS) return sorted.map(rounded);
  const rest = sorted.slice(MAX_REASONS - 1);
  return [
    ...sorted.slice(0, MAX_REASONS - 1).map(rounded),
    rounded({
      reason: `${rest.length} other reasons`,
      cost: rest.reduce((s, r) => s + r.cost, 0),
    }),
  ];
}
