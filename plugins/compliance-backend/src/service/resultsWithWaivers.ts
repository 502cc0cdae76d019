import {
  CheckEvaluation,
  EntityCompliance,
  Waiver,
  controlStatus,
  scorecardLevel,
} from '@gogidix/plugin-compliance-common';
import { StoredEntityResult } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { isActive } from './ComplianceService';

/*
 * Stored round results as of a moment: the waivers active then applied, and
 * the entity's checks, controls and level as the pages show them.
 */

type StoredWaiver = Omit<Waiver, 'active'>;

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
): Omit<EntityCompliance, 'trivy'> {
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
