import {
  CheckEvaluation,
  ComplianceGap,
  ControlStatus,
  EntityCompliance,
  LevelCounts,
  OrgCompliance,
  ScorecardLevel,
  StatusCounts,
  Waiver,
  controlStatus,
  countStatuses,
  meets,
  passRate,
  scorecardLevel,
} from '@gogidix/plugin-compliance-common';
import {
  DailyTeamCounts,
  StoredEntityResult,
} from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { isActive } from './ComplianceService';

type StoredWaiver = Omit<Waiver, 'active'>;

const LEVEL_ORDER = { bronze: 0, silver: 1, gold: 2 } as const;

export function withActive(waiver: StoredWaiver, now: Date): Waiver {
  return { ...waiver, active: isActive(waiver, now) };
}

function checkEvaluations(
  result: StoredEntityResult,
  ruleSet: RuleSet,
  waivers: Map<string, Waiver>,
): CheckEvaluation[] {
  const checks = new Map(ruleSet.checks.map(c => [c.id, c]));
  return result.checks.flatMap(stored => {
    const check = checks.get(stored.checkId);
    if (!check) return [];
    const waiver = stored.waiverId ? waivers.get(stored.waiverId) : undefined;
    return [
      {
        checkId: check.id,
        title: check.title,
        description: check.description,
        howToFix: check.howToFix,
        level: check.level,
        controls: check.controls,
        status: stored.status,
        reason: stored.reason,
        evidence: stored.evidence,
        ...(waiver ? { waiver } : {}),
      },
    ];
  });
}

function controlStatuses(checks: CheckEvaluation[], ruleSet: RuleSet) {
  const byId = new Map(checks.map(c => [c.checkId, c]));
  return ruleSet.controls.map(control => {
    const statuses = control.checks.flatMap(id => {
      const check = byId.get(id);
      return check ? [check.status] : [];
    });
    return {
      key: control.key,
      framework: control.framework,
      id: control.id,
      title: control.title,
      status: controlStatus(statuses),
      checkIds: control.checks,
    };
  });
}

export function entityCompliance(
  result: StoredEntityResult,
  ruleSet: RuleSet,
  waivers: StoredWaiver[],
  now: Date,
): EntityCompliance {
  const all = waivers.map(w => withActive(w, now));
  const checks = checkEvaluations(
    result,
    ruleSet,
    new Map(all.map(w => [w.id, w])),
  );
  return {
    entityRef: result.entityRef,
    title: result.title,
    team: result.team,
    system: result.system,
    evaluatedAt: result.evaluatedAt,
    level: result.level,
    checks,
    controls: controlStatuses(checks, ruleSet),
    waivers: all,
  };
}

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

/**
 * The org page: rollups by team and by control, the team × control heatmap,
 * the trend, campaign progress and the gaps, lowest level and most
 * widespread first. `results` are already limited to the visible teams.
 */
export function orgCompliance(options: {
  results: StoredEntityResult[];
  ruleSet: RuleSet;
  trend: DailyTeamCounts[];
  campaignHistory: Array<{
    campaignId: string;
    day: string;
    passing: number;
    total: number;
  }>;
  teams: string[];
  filters: { teams: string[] };
  evaluatedAt: string | null;
}): OrgCompliance {
  const { results, ruleSet } = options;
  const checks = new Map(ruleSet.checks.map(c => [c.id, c]));

  const totals = {
    entities: results.length,
    levels: emptyLevels(),
    ...countStatuses([]),
  };
  const teams = new Map<
    string,
    StatusCounts & { entities: number; levels: LevelCounts }
  >();
  for (const result of results) {
    const counts = countStatuses(result.checks.map(c => c.status));
    let team = teams.get(result.team);
    if (!team) {
      team = { entities: 0, levels: emptyLevels(), ...countStatuses([]) };
      teams.set(result.team, team);
    }
    team.entities++;
    team.levels[result.level]++;
    addCounts(team, counts);
    totals.levels[result.level]++;
    addCounts(totals, counts);
  }

  const controlCells = (subset: StoredEntityResult[], key: string) => {
    const control = ruleSet.controls.find(c => c.key === key)!;
    const statuses: ControlStatus[] = subset.map(result =>
      controlStatus(
        result.checks
          .filter(c => control.checks.includes(c.checkId))
          .map(c => c.status),
      ),
    );
    const passing = statuses.filter(s => s === 'pass').length;
    return {
      entities: subset.length,
      passing,
      failing: statuses.filter(s => s === 'fail').length,
      erroring: statuses.filter(s => s === 'error').length,
      passRate: subset.length === 0 ? null : passing / subset.length,
    };
  };

  const gaps: ComplianceGap[] = [];
  const failuresPerCheck = new Map<string, number>();
  for (const result of results) {
    for (const stored of result.checks) {
      if (stored.status !== 'fail' && stored.status !== 'error') continue;
      const check = checks.get(stored.checkId);
      if (!check) continue;
      failuresPerCheck.set(check.id, (failuresPerCheck.get(check.id) ?? 0) + 1);
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
  gaps.sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      (failuresPerCheck.get(b.checkId) ?? 0) -
        (failuresPerCheck.get(a.checkId) ?? 0) ||
      a.checkId.localeCompare(b.checkId) ||
      a.entityRef.localeCompare(b.entityRef),
  );

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

  const teamResults = (team: string) => results.filter(r => r.team === team);
  const levelRank: Record<ScorecardLevel, number> = {
    none: 0,
    bronze: 1,
    silver: 2,
    gold: 3,
  };

  return {
    evaluatedAt: options.evaluatedAt,
    teams: options.teams,
    filters: options.filters,
    totals,
    byTeam: [...teams.entries()]
      .map(([team, counts]) => ({
        team,
        ...counts,
        passRate: passRate(counts),
      }))
      .sort((a, b) => (a.passRate ?? 1) - (b.passRate ?? 1)),
    controls: ruleSet.controls.map(control => ({
      key: control.key,
      framework: control.framework,
      id: control.id,
      title: control.title,
      ...controlCells(results, control.key),
    })),
    heatmap: [...teams.keys()].sort().flatMap(team =>
      ruleSet.controls.map(control => {
        const cell = controlCells(teamResults(team), control.key);
        return {
          team,
          control: control.key,
          passRate: cell.passRate,
          failing: cell.failing,
        };
      }),
    ),
    trend: [...trendByDay.entries()].map(([day, counts]) => ({
      day,
      entities: counts.entities,
      passRate: passRate(counts),
    })),
    campaigns: ruleSet.campaigns.map(campaign => {
      let passing = 0;
      let total = 0;
      for (const result of results) {
        for (const check of result.checks) {
          if (!campaign.checks.includes(check.checkId)) continue;
          total++;
          if (meets(check.status)) passing++;
        }
      }
      return {
        id: campaign.id,
        title: campaign.title,
        owner: campaign.owner,
        deadline: campaign.deadline,
        checkIds: campaign.checks,
        passing,
        total,
        progress: total === 0 ? null : passing / total,
        history: options.campaignHistory
          .filter(h => h.campaignId === campaign.id)
          .map(h => ({
            day: h.day,
            progress: h.total === 0 ? null : h.passing / h.total,
          })),
      };
    }),
    gaps,
    entities: results
      .map(result => ({
        entityRef: result.entityRef,
        title: result.title,
        team: result.team,
        level: result.level,
        ...countStatuses(result.checks.map(c => c.status)),
      }))
      .sort(
        (a, b) =>
          levelRank[a.level] - levelRank[b.level] ||
          b.failed + b.errors - (a.failed + a.errors) ||
          a.entityRef.localeCompare(b.entityRef),
      ),
  };
}

/**
 * Re-applies the waivers as of `now` to stored results, so that a new
 * waiver counts at once and an expired one stops counting at once, not at
 * the next round; the level follows.
 */
export function applyWaivers(
  results: StoredEntityResult[],
  ruleSet: RuleSet,
  waivers: StoredWaiver[],
  now: Date,
): StoredEntityResult[] {
  const active = new Map<string, StoredWaiver>();
  for (const waiver of waivers) {
    if (isActive(waiver, now)) {
      active.set(`${waiver.entityRef} ${waiver.checkId}`, waiver);
    }
  }
  const levels = new Map(ruleSet.checks.map(c => [c.id, c.level] as const));
  return results.map(result => {
    const checks = result.checks.map(check => {
      const { waiverId: _, ...rest } = check;
      const status = check.status === 'waived' ? 'fail' : check.status;
      const waiver = active.get(`${result.entityRef} ${check.checkId}`);
      return waiver && status === 'fail'
        ? { ...rest, status: 'waived' as const, waiverId: waiver.id }
        : { ...rest, status };
    });
    return {
      ...result,
      checks,
      level: scorecardLevel(
        checks.flatMap(c => {
          const level = levels.get(c.checkId);
          return level ? [{ level, status: c.status }] : [];
        }),
      ),
    };
  });
}
