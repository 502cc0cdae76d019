// The org page's digest of a round: the results reduced once per round to
// per-team rollups and ordered lists; orgDigest.ts sums it for a caller.
import {
  ComplianceGap,
  EntityScore,
  LevelCounts,
  ScorecardLevel,
  StatusCounts,
  controlStatus,
  countStatuses,
  meets,
} from '@gogidix/plugin-compliance-common';
import { StoredEntityResult } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';

export const LEVEL_ORDER = { bronze: 0, silver: 1, gold: 2 } as const;

export const emptyLevels = (): LevelCounts => ({
  gold: 0,
  silver: 0,
  bronze: 0,
  none: 0,
});

export const addCounts = (into: StatusCounts, add: StatusCounts) => {
  into.passed += add.passed;
  into.failed += add.failed;
  into.errors += add.errors;
  into.pending += add.pending;
  into.waived += add.waived;
};

export interface ControlCounts {
  entities: number;
  passing: number;
  failing: number;
  erroring: number;
}

/** One team's rollups, summed over the teams a caller is shown. */
export interface TeamRollup {
  counts: StatusCounts & { entities: number; levels: LevelCounts };
  /** In the order of `ruleSet.controls`. */
  controls: ControlCounts[];
  /** In the order of `ruleSet.campaigns`. */
  campaigns: Array<{ passing: number; total: number }>;
  failuresPerCheck: Map<string, number>;
}

/**
 * The latest round's results (waivers applied) reduced once to what the org
 * page needs: per-team rollups, and gaps and components already in page
 * order, so a request only sums the teams it shows and takes the first few.
 */
export interface ComplianceDigest {
  /** In order of each team's first component by ref. */
  teams: Map<string, TeamRollup>;
  /** Every gap of a check, by entity ref. */
  gapsByCheck: Map<string, ComplianceGap[]>;
  /** Every component, lowest level and most gaps first. */
  entities: EntityScore[];
}

const LEVEL_RANK: Record<ScorecardLevel, number> = {
  none: 0,
  bronze: 1,
  silver: 2,
  gold: 3,
};

export function complianceDigest(
  results: StoredEntityResult[],
  ruleSet: RuleSet,
): ComplianceDigest {
  const checks = new Map(ruleSet.checks.map(c => [c.id, c]));
  const teams = new Map<string, TeamRollup>();
  const gapsByCheck = new Map<string, ComplianceGap[]>();
  const entities: EntityScore[] = [];
  const sorted = [...results].sort((a, b) =>
    a.entityRef.localeCompare(b.entityRef),
  );
  for (const result of sorted) {
    let team = teams.get(result.team);
    if (!team) {
      team = {
        counts: { entities: 0, levels: emptyLevels(), ...countStatuses([]) },
        controls: ruleSet.controls.map(() => ({
          entities: 0,
          passing: 0,
          failing: 0,
          erroring: 0,
        })),
        campaigns: ruleSet.campaigns.map(() => ({ passing: 0, total: 0 })),
        failuresPerCheck: new Map(),
      };
      teams.set(result.team, team);
    }
    const counts = countStatuses(result.checks.map(c => c.status));
    team.counts.entities++;
    team.counts.levels[result.level]++;
    addCounts(team.counts, counts);
    entities.push({
      entityRef: result.entityRef,
      title: result.title,
      team: result.team,
      level: result.level,
      ...counts,
    });

    const statusOf = new Map(result.checks.map(c => [c.checkId, c.status]));
    ruleSet.controls.forEach((control, i) => {
      const status = controlStatus(
        control.checks.flatMap(id => {
          const s = statusOf.get(id);
          return s ? [s] : [];
        }),
      );
      const cell = team!.controls[i];
      cell.entities++;
      if (status === 'pass') cell.passing++;
      if (status === 'fail') cell.failing++;
      if (status === 'error') cell.erroring++;
    });
    ruleSet.campaigns.forEach((campaign, i) => {
      for (const check of result.checks) {
        if (!campaign.checks.includes(check.checkId)) continue;
        team!.campaigns[i].total++;
        if (meets(check.status)) team!.campaigns[i].passing++;
      }
    });

    for (const stored of result.checks) {
      if (stored.status !== 'fail' && stored.status !== 'error') continue;
      const check = checks.get(stored.checkId);
      if (!check) continue;
      team.failuresPerCheck.set(
        check.id,
        (team.failuresPerCheck.get(check.id) ?? 0) + 1,
      );
      let gaps = gapsByCheck.get(check.id);
      if (!gaps) {
        gaps = [];
        gapsByCheck.set(check.id, gaps);
      }
      gaps.push({
        entityRef: result.entityRef,
        team: result.team,
        checkId: check.id,
        title: check.title,
        level: check.level,
        status: stored.status,
        reason: stored.reason,
        controls: check.controls,
      });
    }
  }
  entities.sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      b.failed + b.errors - (a.failed + a.errors) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return { teams, gapsByCheck, entities };
}
