import type { TeamCompliance } from '@gogidix/plugin-compliance-common';
import type { TeamCost } from '@gogidix/plugin-cost-common';
import type { StatusCounts } from '@gogidix/plugin-slo-common';
import { ownerTeamRef } from '@gogidix/portal-common';

/** One team's line of the roll-up; a field is missing when its source has nothing for the team. */
export interface TeamRollupRow {
  team: string;
  slo?: StatusCounts;
  cost?: TeamCost;
  compliance?: TeamCompliance;
  firingAlerts?: number;
}

/** What each family's API answered, already narrowed to what the roll-up reads. */
export interface RollupSources {
  sloByTeam?: Array<StatusCounts & { name: string }>;
  costTeams?: TeamCost[];
  complianceByTeam?: TeamCompliance[];
  /** Firing alerts per team, counted over the team's components. */
  firingByTeam?: Map<string, number>;
}

function byTeam<T>(rows: T[] | undefined, team: (row: T) => string) {
  const map = new Map<string, T>();
  for (const row of rows ?? []) {
    try {
      map.set(ownerTeamRef(team(row)), row);
    } catch {
      // An unreadable owner (or `unallocated` cost) is no team of ours.
    }
  }
  return map;
}

/**
 * The roll-up's rows: the teams in the order given, each with what the org
 * pages say about it (the same figures, from the same APIs). Teams no source
 * knows anything about are left out, so a department that owns nothing
 * itself does not fill the table with dashes.
 */
export function teamRollupRows(
  teams: string[],
  sources: RollupSources,
): TeamRollupRow[] {
  const slo = byTeam(sources.sloByTeam, row => row.name);
  const cost = byTeam(sources.costTeams, row => row.team);
  const compliance = byTeam(sources.complianceByTeam, row => row.team);
  return teams.flatMap(team => {
    const row: TeamRollupRow = {
      team,
      slo: slo.get(team),
      cost: cost.get(team),
      compliance: compliance.get(team),
      firingAlerts: sources.firingByTeam?.get(team),
    };
    const known =
      row.slo || row.cost || row.compliance || row.firingAlerts !== undefined;
    return known ? [row] : [];
  });
}

/** Firing alerts counted per owning team of the components they were read for. */
export function firingByTeam(
  results: Array<{ team: string; firing: number }>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { team, firing } of results) {
    counts.set(team, (counts.get(team) ?? 0) + firing);
  }
  return counts;
}
