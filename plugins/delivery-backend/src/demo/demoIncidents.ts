import { DemoDeployment, demoRepository, fraction, shaOf } from './demoHistory';

/** Why a demo incident happened; each case the metrics must handle. */
export type DemoIncidentCause =
  /** A deployment broke the service: a failed change. */
  | 'deployment'
  /** A second incident while a deployment's first is still open. */
  | 'follow-on'
  /** On a Sunday, when nothing deploys: no change to blame. */
  | 'no-deployment';

/** An incident of a demo PagerDuty service, as it will have gone. */
export interface DemoIncident {
  /** PagerDuty-style: `P` and six capitals or digits. */
  id: string;
  serviceId: string;
  title: string;
  urgency: 'high' | 'low';
  cause: DemoIncidentCause;
  /** The demo deployment it follows; null for `no-deployment`. */
  deploymentId: number | null;
  triggeredAt: string;
  acknowledgedAt: string;
  resolvedAt: string;
}

/** A PagerDuty service of the demo and the repository its component deploys. */
export interface DemoPagerDutyService {
  serviceId: string;
  /** `github.com/project-slug` of the same component, when it has one. */
  slug?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// A deployment that failed breaks the service more often than one that did not.
const BREAK_CHANCE = { failure: 0.5, success: 0.12 } as const;
const FOLLOW_ON_CHANCE = 0.35;
const SUNDAY_CHANCE = 0.3;
// Within the default failure window (24 h) and before the next deployment
// finishes, so the metrics blame the deployment the history says broke it.
const LATEST_AFTER_DEPLOY_MS = 18 * HOUR_MS;
const EARLIEST_AFTER_DEPLOY_MS = 5 * MINUTE_MS;

const TITLES: Record<DemoIncidentCause, string[]> = {
  deployment: [
    'Error budget burn: 5xx ratio above threshold',
    'Latency SLO burn: p99 above target',
    'Readiness probes failing after rollout',
  ],
  'follow-on': [
    'Queue backlog growing',
    'Dependent checks failing',
    'Saturation: connection pool exhausted',
  ],
  'no-deployment': [
    'Upstream provider returning errors',
    'Certificate expiry warning escalated',
    'Disk usage above 90%',
  ],
};

const demoIncidentId = (...words: Array<string | number>) =>
  `P${parseInt(shaOf('incident', ...words).slice(0, 10), 16)
    .toString(36)
    .toUpperCase()
    .padStart(6, '0')
    .slice(-6)}`;

/**
 * One incident's course from its trigger: acknowledged in 1 to 15 minutes,
 * resolved 10 to 90 minutes after that, or one in seven takes 3 to 8 hours.
 */
function incidentAt(
  service: DemoPagerDutyService,
  key: string,
  triggeredMs: number,
  cause: DemoIncidentCause,
  deploymentId: number | null,
): DemoIncident {
  const f = (what: string) => fraction(service.serviceId, key, what);
  const acknowledgedMs =
    triggeredMs + (1 + Math.floor(f('ack') * 14)) * MINUTE_MS;
  const long = f('long') < 1 / 7;
  const restoreMinutes = long
    ? 180 + Math.floor(f('restore') * 300)
    : 10 + Math.floor(f('restore') * 80);
  const titles = TITLES[cause];
  return {
    id: demoIncidentId(service.serviceId, key),
    serviceId: service.serviceId,
    title: titles[Math.floor(f('title') * titles.length)],
    urgency: cause === 'no-deployment' && f('urgency') < 0.4 ? 'low' : 'high',
    cause,
    deploymentId,
    triggeredAt: new Date(triggeredMs).toISOString(),
    acknowledgedAt: new Date(acknowledgedMs).toISOString(),
    resolvedAt: new Date(
      acknowledgedMs + restoreMinutes * MINUTE_MS,
    ).toISOString(),
  };
}

function afterDeployments(
  service: DemoPagerDutyService,
  deployments: DemoDeployment[],
): DemoIncident[] {
  const incidents: DemoIncident[] = [];
  deployments.forEach((d, i) => {
    const key = `deployment:${d.id}`;
    if (fraction(service.serviceId, key, 'breaks') >= BREAK_CHANCE[d.outcome]) {
      return;
    }
    const finishedMs = Date.parse(d.finishedAt);
    const next = deployments[i + 1];
    const latest = Math.min(
      LATEST_AFTER_DEPLOY_MS,
      // Clear of the clock skew the metrics allow (2 minutes).
      (next ? Date.parse(next.finishedAt) - finishedMs : Infinity) -
        5 * MINUTE_MS,
    );
    if (latest < EARLIEST_AFTER_DEPLOY_MS) return;
    const triggeredMs =
      finishedMs +
      EARLIEST_AFTER_DEPLOY_MS +
      Math.floor(
        fraction(service.serviceId, key, 'after') *
          (latest - EARLIEST_AFTER_DEPLOY_MS),
      );
    const first = incidentAt(service, key, triggeredMs, 'deployment', d.id);
    incidents.push(first);
    if (fraction(service.serviceId, key, 'follow-on') < FOLLOW_ON_CHANCE) {
      // Starts while the first is open: the two overlap.
      const openMs = Date.parse(first.resolvedAt) - triggeredMs;
      const followKey = `follow-on:${d.id}`;
      incidents.push(
        incidentAt(
          service,
          followKey,
          triggeredMs +
            2 * MINUTE_MS +
            Math.floor(
              fraction(service.serviceId, followKey, 'at') *
                (openMs - 7 * MINUTE_MS),
            ),
          'follow-on',
          d.id,
        ),
      );
    }
  });
  return incidents;
}

/**
 * The incidents of a demo PagerDuty service over the `days` days up to
 * `now`, the same on every start: deployments of its component's
 * repository (the demo GitHub's history) break it now and then within
 * hours, some of those incidents bring a second one while open, and
 * Sundays, when nothing deploys, have incidents no change explains.
 * Ids and times hang on the deployment or the day, not on `now`, so an
 * incident stays the same from one day to the next; only incidents
 * triggered by `now` are returned, oldest first, with the times they will
 * be acknowledged and resolved (which may be after `now`).
 */
export function demoIncidents(
  service: DemoPagerDutyService,
  now: Date,
  days: number,
): DemoIncident[] {
  const incidents: DemoIncident[] = [];
  const today = Math.floor(now.getTime() / DAY_MS);
  if (service.slug) {
    // Tomorrow's deployments too: an incident late today must be placed
    // before the next one whether or not it has happened yet.
    const planned = demoRepository(
      service.slug,
      new Date((today + 2) * DAY_MS - 1),
      days + 2,
    ).deployments;
    incidents.push(...afterDeployments(service, planned));
  }
  for (let day = today - days; day <= today; day++) {
    if (new Date(day * DAY_MS).getUTCDay() !== 0) continue;
    const key = `sunday:${day}`;
    if (fraction(service.serviceId, key, 'happens') >= SUNDAY_CHANCE) continue;
    // Between 10:00 and 22:00: over 40 hours after Friday's last deployment.
    const triggeredMs =
      day * DAY_MS +
      10 * HOUR_MS +
      Math.floor(fraction(service.serviceId, key, 'at') * 12 * HOUR_MS);
    incidents.push(
      incidentAt(service, key, triggeredMs, 'no-deployment', null),
    );
  }
  const sinceMs = (today - days) * DAY_MS;
  return incidents
    .filter(i => {
      const ms = Date.parse(i.triggeredAt);
      return ms >= sinceMs && ms <= now.getTime();
    })
    .sort((a, b) => a.triggeredAt.localeCompare(b.triggeredAt));
}

/** An incident as PagerDuty shows it at `now`: its status and last change. */
export function demoIncidentStatusAt(
  incident: DemoIncident,
  now: Date,
): {
  status: 'triggered' | 'acknowledged' | 'resolved';
  lastStatusChangeAt: string;
} {
  const ms = now.getTime();
  if (ms >= Date.parse(incident.resolvedAt)) {
    return { status: 'resolved', lastStatusChangeAt: incident.resolvedAt };
  }
  if (ms >= Date.parse(incident.acknowledgedAt)) {
    return {
      status: 'acknowledged',
      lastStatusChangeAt: incident.acknowledgedAt,
    };
  }
  return { status: 'triggered', lastStatusChangeAt: incident.triggeredAt };
}
