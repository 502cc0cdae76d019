// Stored cost groups resolved against the catalog: which component and team
// each is charged to, and the label the pages show for it. Pure.
import {
  Attribution,
  CostAttributionIndex,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { CostGroup } from '../database/CostStore';
import { AttributedCost } from './costOverview';
import { costTeamLabel } from './costTeams';

function serviceLabel(index: CostAttributionIndex, a: Attribution): string {
  if (a.entityRef) {
    return index.component(a.entityRef)?.name ?? a.entityRef;
  }
  if (a.rule === 'contested') {
    return `${UNALLOCATED} (contested: ${a.reason})`;
  }
  return a.team === UNALLOCATED
    ? UNALLOCATED
    : `${costTeamLabel(a.team)} (no service tag)`;
}

/** Attributes each stored cost group to its component and team. */
export function attributeCostGroups(
  groups: CostGroup[],
  index: CostAttributionIndex,
): AttributedCost[] {
  return groups.map(g => {
    const attribution = index.attribute(g);
    return {
      ...attribution,
      date: g.date,
      serviceCategory: g.serviceCategory,
      cost: g.cost,
      service: serviceLabel(index, attribution),
    };
  });
}

/** Only the rows of the teams the caller may see; all when absent. */
export function visibleOnly(
  costs: AttributedCost[],
  visible: Set<string> | undefined,
): AttributedCost[] {
  return visible ? costs.filter(c => visible.has(c.team)) : costs;
}
