import { AlertEvent, DeploymentEvent, IncidentEvent } from '../events';
import {
  DeliveryEvents,
  DeliveryJudgementOptions,
  HOUR_MS,
  judgementSettings,
  MINUTE_MS,
  timeMs,
} from './options';
import { lastAtMost } from './sorted';

/** Why a production deployment counts as a failed change. */
export type ChangeFailureCause = 'failed' | 'rolled-back' | 'incident';

/** A finished production deployment, judged. */
export interface JudgedDeployment {
  deployment: DeploymentEvent;
  finishedMs: number;
  /** Empty for a good change; otherwise every reason it failed. */
  failures: ChangeFailureCause[];
  /** The incidents attributed to it (triggered within the failure window). */
  incidentIds: string[];
}

/** One commit and the first successful production deployment that shipped it. */
export interface JudgedChange {
  entityRef: string;
  sha: string;
  deploymentId: string;
  deployedMs: number;
  /** Never negative: a commit stamped after its deployment (clock skew) is 0. */
  leadTimeHours: number;
}

export interface JudgedIncident {
  incident: IncidentEvent;
  triggeredMs: number;
  /** Null while the incident is open. */
  resolvedMs: number | null;
  /** Never negative; null while open. */
  restoreMinutes: number | null;
  /** Minutes from the first burn alert; null when no alert detected it. */
  detectMinutes: number | null;
  /** The production deployment it is attributed to, if any. */
  causedBy: string | null;
}

/**
 * Every event judged once, independent of the period: periods, services and
 * days are then plain filters over this.
 */
export interface DeliveryJudgement {
  deployments: JudgedDeployment[];
  changes: JudgedChange[];
  incidents: JudgedIncident[];
}

interface TimedAlert {
  alert: AlertEvent;
  startsMs: number;
}

const byKey = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

/**
 * Judges deployments, changes and incidents:
 * - only finished (`success` or `failure`) deployments to the environment
 *   count; in-progress ones and other environments are left out;
 * - a deployment is a failed change when it failed, when any deployment's
 *   `rollbackOf` names it, or when an incident on the same component is
 *   attributed to it: each incident goes to the latest finished production
 *   deployment before its trigger (allowing the clock skew), and only when it
 *   was triggered within the failure window after that deployment finished;
 * - a commit's lead time runs to the first successful production
 *   deployment listing it;
 * - an incident's detection is the earliest alert on its component that
 *   started within the lookback before its trigger (or up to the clock skew
 *   after it), whether or not it still fires.
 */
export function judgeDelivery(
  events: DeliveryEvents,
  options: DeliveryJudgementOptions = {},
): DeliveryJudgement {
  const settings = judgementSettings(options);
  const environment = settings.environment.toLowerCase();
  const skewMs = settings.clockSkewMinutes * MINUTE_MS;
  const windowMs = settings.failureWindowHours * HOUR_MS;
  const lookbackMs = settings.detectionLookbackHours * HOUR_MS;

  const rolledBack = new Set<string>();
  for (const deployment of events.deployments) {
    if (deployment.rollbackOf) rolledBack.add(deployment.rollbackOf);
  }

  const judged: JudgedDeployment[] = [];
  for (const deployment of events.deployments) {
    const finishedMs = timeMs(deployment.finishedAt);
    if (
      deployment.environment.toLowerCase() !== environment ||
      deployment.status === 'in_progress' ||
      !Number.isFinite(finishedMs)
    ) {
      continue;
    }
    const failures: ChangeFailureCause[] = [];
    if (deployment.status === 'failure') failures.push('failed');
    if (rolledBack.has(deployment.id)) failures.push('rolled-back');
    judged.push({ deployment, finishedMs, failures, incidentIds: [] });
  }
  // Each component apart: every rule below is within one component, and
  // small groups keep an org's year of events quick to judge.
  const deploymentsByService = byKey(judged, j => j.deployment.entityRef);
  for (const group of deploymentsByService.values()) {
    // Latest last; equal finish times are ordered by id so the choice is stable.
    group.sort(
      (a, b) =>
        a.finishedMs - b.finishedMs ||
        (a.deployment.id < b.deployment.id ? -1 : 1),
    );
  }
  const alertsByService = new Map<string, TimedAlert[]>();
  for (const [entityRef, alerts] of byKey(events.alerts, a => a.entityRef)) {
    alertsByService.set(
      entityRef,
      alerts
        .map(alert => ({ alert, startsMs: timeMs(alert.startsAt) }))
        .filter(a => Number.isFinite(a.startsMs))
        .sort((a, b) => a.startsMs - b.startsMs),
    );
  }

  const incidents: JudgedIncident[] = [];
  for (const incident of events.incidents) {
    const triggeredMs = timeMs(incident.triggeredAt);
    if (!Number.isFinite(triggeredMs)) continue;
    const resolved = timeMs(incident.resolvedAt);
    const resolvedMs = Number.isFinite(resolved) ? resolved : null;

    let causedBy: string | null = null;
    const candidates = deploymentsByService.get(incident.entityRef) ?? [];
    const latest = lastAtMost(
      candidates,
      j => j.finishedMs,
      triggeredMs + skewMs,
    );
    if (
      latest >= 0 &&
      triggeredMs <= candidates[latest].finishedMs + windowMs
    ) {
      const deployment = candidates[latest];
      causedBy = deployment.deployment.id;
      deployment.incidentIds.push(incident.id);
      if (!deployment.failures.includes('incident')) {
        deployment.failures.push('incident');
      }
    }

    let detectMinutes: number | null = null;
    const alerts = alertsByService.get(incident.entityRef) ?? [];
    const beforeLookback = lastAtMost(
      alerts,
      a => a.startsMs,
      triggeredMs - lookbackMs - 1,
    );
    const first = alerts[beforeLookback + 1];
    if (first && first.startsMs <= triggeredMs + skewMs) {
      detectMinutes = Math.max(0, triggeredMs - first.startsMs) / MINUTE_MS;
    }

    incidents.push({
      incident,
      triggeredMs,
      resolvedMs,
      restoreMinutes:
        resolvedMs === null
          ? null
          : Math.max(0, resolvedMs - triggeredMs) / MINUTE_MS,
      detectMinutes,
      causedBy,
    });
  }

  const changes: JudgedChange[] = [];
  for (const group of deploymentsByService.values()) {
    const shipped = new Set<string>();
    // In finish order, so the first deployment listing a commit shipped it.
    for (const { deployment, finishedMs } of group) {
      if (deployment.status !== 'success') continue;
      for (const commit of deployment.commits) {
        const committedMs = timeMs(commit.committedAt);
        if (shipped.has(commit.sha) || !Number.isFinite(committedMs)) continue;
        shipped.add(commit.sha);
        changes.push({
          entityRef: deployment.entityRef,
          sha: commit.sha,
          deploymentId: deployment.id,
          deployedMs: finishedMs,
          leadTimeHours: Math.max(0, finishedMs - committedMs) / HOUR_MS,
        });
      }
    }
  }

  return {
    deployments: judged,
    changes,
    incidents,
  };
}
