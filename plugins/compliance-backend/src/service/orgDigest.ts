// The org page's view of a round: the results reduced once per round to
// per-team rollups and ordered lists (the digest), and the summary a caller
// is shown, summed over the teams they may see.
import {
  ComplianceGap,
  EntityScore,
  LevelCounts,
  OrgCompliance,
  ScorecardLevel,
  StatusCounts,
  controlStatus,
  countStatuses,
  meets,
  passRate,
} from '@gogidix/plugin-compliance-common';
import {
  CampaignDay,
  DailyTeamCounts,
  StoredEntityResult,
} from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';

const LEVEL_ORDER = { bronze: 0, silver: 1, gold: 2 } as const;

const emptyLevels = (): LevelCounts => ({
  gold: 0,
  silver: 0,
  bronze: 0,
  none: 0,
});

const addCounts = (into: StatusCounts, add: StatusCounts) => {
  into.passed += add.passed;
  into.failed += add.failed;
  into.errors += add.errors;
  into.waived += add.waived;
};

interface ControlCounts {
  entities: number;
  passing: number;
  failing: number;
  erroring: number;
}

/** One team's rollups, summed over the teams a caller is shown. */
interface TeamRollup {
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

/** The first `limit` items that pass `keep`, without filtering them all. */
function firstKept<T>(items: T[], keep: (item: T) => boolean, limit: number) {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= limit) break;
    if (keep(item)) out.push(item);
  }
  return out;
}

/** A campaign's progress by day, over the teams' rows given. */
function campaignHistory(rows: CampaignDay[]) {
  const byDay = new Map<string, { passing: number; total: number }>();
  for (const row of rows) {
    const day = byDay.get(row.day) ?? { passing: 0, total: 0 };
    day.passing += row.passing;
    day.total += row.total;
    byDay.set(row.day, day);
  }
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { passing, total }]) => ({
      day,
      progress: total === 0 ? null : passing / total,
    }));
}

/**
 * The org page: rollups by team and by control, the team × control heatmap,
 * the trend, campaign progress, and the first `limit` gaps (lowest level and
 * most widespread first) and components (lowest level first), for the teams
 * `shown` (already limited to the teams the caller may read).
 */
export function orgCompliance(options: {
  digest: ComplianceDigest;
  shown: Set<string>;
  limit: number;
  ruleSet: RuleSet;
  trend: DailyTeamCounts[];
  campaignHistory: CampaignDay[];
  teams: string[];
  filters: { teams: string[] };
  evaluatedAt: string | null;
}): OrgCompliance {
  const { digest, shown, limit, ruleSet } = options;
  const teams = [...digest.teams.entries()].filter(([team]) => shown.has(team));

  const totals = {
    entities: 0,
    levels: emptyLevels(),
    ...countStatuses([]),
    gaps: 0,
  };
  const controls = ruleSet.controls.map(() => ({
    entities: 0,
    passing: 0,
    failing: 0,
    erroring: 0,
  }));
  const campaigns = ruleSet.campaigns.map(() => ({ passing: 0, total: 0 }));
  const failuresPerCheck = new Map<string, number>();
  for (const [, team] of teams) {
    totals.entities += team.counts.entities;
    for (const level of Object.keys(totals.levels) as ScorecardLevel[]) {
      totals.levels[level] += team.counts.levels[level];
    }
    addCounts(totals, team.counts);
    team.controls.forEach((cell, i) => {
      controls[i].entities += cell.entities;
      controls[i].passing += cell.passing;
      controls[i].failing += cell.failing;
      controls[i].erroring += cell.erroring;
    });
    team.campaigns.forEach((c, i) => {
      campaigns[i].passing += c.passing;
      campaigns[i].total += c.total;
    });
    for (const [checkId, n] of team.failuresPerCheck) {
      failuresPerCheck.set(checkId, (failuresPerCheck.get(checkId) ?? 0) + n);
      totals.gaps += n;
    }
  }
  const rate = (cell: ControlCounts) =>
    cell.entities === 0 ? null : cell.passing / cell.entities;

  const gapChecks = ruleSet.checks
    .filter(c => (failuresPerCheck.get(c.id) ?? 0) > 0)
    .sort(
      (a, b) =>
        LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
        (failuresPerCheck.get(b.id) ?? 0) - (failuresPerCheck.get(a.id) ?? 0) ||
        a.id.localeCompare(b.id),
    );
  const gaps: ComplianceGap[] = [];
  for (const check of gapChecks) {
    if (gaps.length >= limit) break;
    gaps.push(
      ...firstKept(
        digest.gapsByCheck.get(check.id) ?? [],
        g => shown.has(g.team),
        limit - gaps.length,
      ),
    );
  }

  const trendByDay = new Map<string, StatusCounts & { entities: number }>();
  for (const row of options.trend) {
    let day = trendByDay.get(row.day);
    if (!day) {
      day = { entities: 0, ...countStatuses([]) };
      trendByDay.set(row.day, day);
    }
    day.entities += row.entities;
    addCounts(day, row);
  }

  return {
    evaluatedAt: options.evaluatedAt,
    teams: options.teams,
    filters: options.filters,
    limit,
    totals,
    byTeam: teams
      .map(([team, rollup]) => ({
        team,
        ...rollup.counts,
        passRate: passRate(rollup.counts),
      }))
      .sort((a, b) => (a.passRate ?? 1) - (b.passRate ?? 1)),
    controls: ruleSet.controls.map((control, i) => ({
      key: control.key,
      framework: control.framework,
      id: control.id,
      title: control.title,
      ...controls[i],
      passRate: rate(controls[i]),
    })),
    heatmap: teams
      .map(([team]) => team)
      .sort()
      .flatMap(team =>
        ruleSet.controls.map((control, i) => {
          const cell = digest.teams.get(team)!.controls[i];
          return {
            team,
            control: control.key,
            passRate: rate(cell),
            failing: cell.failing,
          };
        }),
      ),
    trend: [...trendByDay.entries()].map(([day, counts]) => ({
      day,
      entities: counts.entities,
      passRate: passRate(counts),
    })),
    campaigns: ruleSet.campaigns.map((campaign, i) => {
      const { passing, total } = campaigns[i];
      return {
        id: campaign.id,
        title: campaign.title,
        owner: campaign.owner,
        deadline: campaign.deadline,
        checkIds: campaign.checks,
        passing,
        total,
        progress: total === 0 ? null : passing / total,
        history: campaignHistory(
          options.campaignHistory.filter(
            h => h.campaignId === campaign.id && shown.has(h.team),
          ),
        ),
      };
    }),
    gaps,
    entities: firstKept(digest.entities, e => shown.has(e.team), limit),
  };
}
