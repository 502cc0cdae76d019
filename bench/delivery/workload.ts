/**
 * A seeded year of delivery events for 1,000 services in 60 teams: the same
 * events for every run with the same seed and scale. Every time is a whole
 * minute, so the minute-scan reference of delivery-common's tests can check
 * the figures.
 */
import { seededRandom } from '@gogidix/test-kit';
import {
  AlertEvent,
  DeploymentEvent,
  IncidentEvent,
} from '@gogidix/plugin-delivery-common';

const MINUTE = 60_000;
const DAY_MIN = 24 * 60;

export interface Workload {
  /** Service ref to its owning team's ref. */
  teamOf: Map<string, string>;
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  alerts: AlertEvent[];
}

export interface WorkloadOptions {
  services: number;
  teams: number;
  /** The end of the year of events (exclusive). */
  endMs: number;
  days: number;
  seed: number;
}

/**
 * Services fall into three kinds: 8% ship several times a day (2 to 6),
 * 25% about daily, the rest a few times a month. A fifth of deployments go
 * to staging; 7% of production ones fail; 2% of successful ones are rolled
 * back by the next; each ships 1 to 5 commits made up to 3 days before.
 * Incidents come from 3% of production deployments (within 12 hours) and at
 * random (one in 50 days per service); 70% of them have a burn alert up to
 * an hour before, and one in 30 days per service fires an alert that pages
 * nobody. A few incidents of the last week are still open.
 */
export function generateWorkload(options: WorkloadOptions): Workload {
  const random = seededRandom(options.seed);
  const startMs = options.endMs - options.days * DAY_MIN * MINUTE;
  const spanMin = options.days * DAY_MIN;
  const iso = (minute: number) =>
    new Date(startMs + minute * MINUTE).toISOString();
  const teamOf = new Map<string, string>();
  const deployments: DeploymentEvent[] = [];
  const incidents: IncidentEvent[] = [];
  const alerts: AlertEvent[] = [];
  let shaCount = 0;
  const sha = () => (++shaCount).toString(16).padStart(40, '0');

  for (let s = 0; s < options.services; s++) {
    const name = `svc-${String(s).padStart(4, '0')}`;
    const entityRef = `component:default/${name}`;
    // Uneven teams: the first own about 60 services, the last about 10.
    const team = Math.floor(random.next() ** 1.5 * options.teams);
    teamOf.set(
      entityRef,
      `group:default/team-${String(team).padStart(2, '0')}`,
    );
    const kind = random.next();
    let perDay: number;
    if (kind < 0.08) perDay = random.int(2, 6);
    else if (kind < 0.33) perDay = 0.6 + random.next() * 0.8;
    else perDay = 0.05 + random.next() * 0.25;
    const count = Math.round(perDay * options.days);
    const starts = Array.from({ length: count }, () =>
      random.int(0, spanMin - 60),
    ).sort((a, b) => a - b);
    const alertOf = (triggerMin: number, id: string) => {
      if (random.next() < 0.7) {
        const startMin = triggerMin - random.int(0, 60);
        alerts.push({
          id: `${id}:alert`,
          entityRef,
          alertname: 'ErrorBudgetBurn',
          severity: 'page',
          startsAt: iso(startMin),
          endsAt: iso(startMin + random.int(5, 180)),
        });
      }
    };
    const incident = (triggerMin: number, id: string) => {
      const open = triggerMin > spanMin - 7 * DAY_MIN && random.next() < 0.2;
      const resolveMin = triggerMin + random.int(5, 600);
      incidents.push({
        id,
        source: 'pagerduty',
        entityRef,
        title: `${name} errors`,
        urgency: random.next() < 0.8 ? 'high' : 'low',
        triggeredAt: iso(triggerMin),
        acknowledgedAt: iso(triggerMin + random.int(1, 5)),
        resolvedAt: open || resolveMin >= spanMin ? null : iso(resolveMin),
      });
      alertOf(triggerMin, id);
    };
    let rollbackOf: string | null = null;
    starts.forEach((startMin, i) => {
      const id = `bench:${name}:${i}`;
      const staging = random.next() < 0.2;
      const finishMin = startMin + random.int(3, 30);
      const inProgress = finishMin >= spanMin;
      let status: DeploymentEvent['status'] = 'success';
      if (inProgress) status = 'in_progress';
      else if (random.next() < 0.07) status = 'failure';
      const commits = Array.from({ length: random.int(1, 5) }, () => ({
        sha: sha(),
        committedAt: iso(startMin - random.int(10, 3 * DAY_MIN)),
      }));
      deployments.push({
        id,
        source: i % 3 === 0 ? 'gitlab' : 'github',
        entityRef,
        environment: staging ? 'staging' : 'production',
        status,
        sha: commits[commits.length - 1].sha,
        startedAt: iso(startMin),
        finishedAt: inProgress ? null : iso(finishMin),
        commits,
        rollbackOf: staging ? null : rollbackOf,
      });
      if (staging) return;
      rollbackOf = null;
      if (status === 'success' && random.next() < 0.02) rollbackOf = id;
      if (status !== 'in_progress' && random.next() < 0.03) {
        const triggerMin = finishMin + random.int(1, 12 * 60);
        if (triggerMin < spanMin) incident(triggerMin, `pd:${id}`);
      }
    });
    for (let n = Math.round(options.days / 50); n > 0; n--) {
      incident(random.int(0, spanMin - 1), `pd:${name}:random:${n}`);
    }
    for (let n = Math.round(options.days / 30); n > 0; n--) {
      const startMin = random.int(0, spanMin - 1);
      alerts.push({
        id: `am:${name}:${n}`,
        entityRef,
        alertname: 'ErrorBudgetBurn',
        severity: 'ticket',
        startsAt: iso(startMin),
        endsAt: iso(startMin + random.int(5, 120)),
      });
    }
  }
  return { teamOf, deployments, incidents, alerts };
}
