// The org page's view of a round for one caller: the digest
// (complianceDigest.ts) summed over the teams they may see.
import {
  OrgCompliance,
  ScorecardLevel,
  StatusCounts,
  ComplianceGap,
  countStatuses,
  passRate,
} from '@gogidix/plugin-compliance-common';
import { CampaignDay, DailyTeamCounts } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import {
  addCounts,
  ComplianceDigest,
  ControlCounts,
  emptyLevels,
  LEVEL_ORDER,
} from './complianceDigest';

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
