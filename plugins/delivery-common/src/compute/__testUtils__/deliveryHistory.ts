/**
 * Seeded event histories for the metric tests: every time is a whole minute
 * after BASE, so the expected figures can be found by walking minute by
 * minute (see naiveDelivery.ts).
 */
import { seededRandom } from '@gogidix/test-kit';
import { AlertEvent, DeploymentEvent, IncidentEvent } from '../../events';
import { DeliveryEvents } from '../options';

const BASE = Date.parse('2026-03-01T00:00:00Z');
export const DAY = 24 * 60;
export const at = (minute: number) =>
  new Date(BASE + minute * 60_000).toISOString();
export const minuteOf = (iso: string) => (Date.parse(iso) - BASE) / 60_000;

const SPAN = 36 * DAY;
export const PERIOD = { fromMin: 20 * DAY, toMin: 34 * DAY };
export const WITH_DEPLOYS = [
  'component:default/payments',
  'component:default/orders',
  'component:default/search',
  'component:default/quiet-deploys',
];
const INCIDENT_SERVICES = WITH_DEPLOYS.filter(s => !s.includes('quiet')).concat(
  'component:default/pager-only',
);

/**
 * A history with every case the metrics must handle: deploys with no
 * incidents (quiet-deploys), incidents with no deploy (pager-only),
 * overlapping incidents and alerts, rollbacks, deploys finishing at the same
 * minute, incidents just before a deploy finished and commits stamped after
 * it (clock skew), other environments, failed and in-progress deploys, open
 * incidents and incidents no alert saw.
 */
export function generateHistory(seed: number): DeliveryEvents {
  const random = seededRandom(seed);
  const deployments: DeploymentEvent[] = [];
  const incidents: IncidentEvent[] = [];
  const alerts: AlertEvent[] = [];
  let commitCount = 0;

  for (const entityRef of WITH_DEPLOYS) {
    const own: DeploymentEvent[] = [];
    const shipped: { sha: string; committedAt: string }[] = [];
    const count = random.int(25, 50);
    for (let i = 0; i < count; i++) {
      const startMin = random.int(0, SPAN);
      const roll = random.next();
      let status: DeploymentEvent['status'] = 'in_progress';
      if (roll < 0.72) status = 'success';
      else if (roll < 0.87) status = 'failure';
      let finishMin = startMin + random.int(1, 40);
      const previous = own[own.length - 1];
      if (previous?.finishedAt && random.next() < 0.06) {
        finishMin = minuteOf(previous.finishedAt);
      }
      const commits = [];
      for (let c = random.int(0, 3); c > 0; c--) {
        if (shipped.length && random.next() < 0.3) {
          commits.push(random.pick(shipped));
          continue;
        }
        const committedMin =
          random.next() < 0.08
            ? finishMin + random.int(1, 3)
            : finishMin - random.int(0, 6 * DAY);
        const commit = {
          sha: `c${(commitCount += 1)}`,
          committedAt: at(committedMin),
        };
        shipped.push(commit);
        commits.push(commit);
      }
      const rollbackOf =
        own.length && random.next() < 0.08 ? random.pick(own).id : null;
      const envRoll = random.next();
      let environment = 'production';
      if (!rollbackOf && envRoll > 0.95) environment = 'PRODUCTION';
      else if (!rollbackOf && envRoll > 0.78) environment = 'staging';
      const deployment: DeploymentEvent = {
        id: `${entityRef}:d${String(i).padStart(2, '0')}`,
        source: 'github',
        entityRef,
        environment,
        status,
        sha: commits[0]?.sha ?? `head${i}`,
        startedAt: at(startMin),
        finishedAt: status === 'in_progress' ? null : at(finishMin),
        commits,
        rollbackOf,
      };
      own.push(deployment);
      deployments.push(deployment);
    }
  }

  for (const entityRef of INCIDENT_SERVICES) {
    const finished = deployments.filter(
      d => d.entityRef === entityRef && d.finishedAt,
    );
    const own: IncidentEvent[] = [];
    const count = random.int(12, 24);
    for (let i = 0; i < count; i++) {
      const roll = random.next();
      let triggerMin = random.int(0, SPAN);
      if (finished.length && roll < 0.4) {
        // Near a deploy, sometimes up to 4 minutes before it finished.
        triggerMin =
          minuteOf(random.pick(finished).finishedAt!) +
          (random.next() < 0.2 ? random.int(-4, -1) : random.int(0, 30 * 60));
      } else if (finished.length && roll < 0.5) {
        triggerMin =
          minuteOf(random.pick(finished).finishedAt!) +
          random.pick([24 * 60, 24 * 60 + 1, 2 * 60, 2 * 60 + 1]);
      } else if (own.length && roll < 0.65) {
        triggerMin = minuteOf(random.pick(own).triggeredAt) + random.int(0, 30);
      }
      const resolveRoll = random.next();
      let resolvedAt: string | null = at(triggerMin + random.int(0, 2000));
      if (resolveRoll < 0.12) resolvedAt = null;
      else if (resolveRoll < 0.16) resolvedAt = at(triggerMin - 1);
      const incident: IncidentEvent = {
        id: `${entityRef}:i${i}`,
        source: 'pagerduty',
        entityRef,
        title: `incident ${i}`,
        urgency: random.pick(['high', 'low'] as const),
        triggeredAt: at(triggerMin),
        acknowledgedAt: null,
        resolvedAt,
      };
      own.push(incident);
      incidents.push(incident);

      if (random.next() < 0.65) {
        // Mostly before the trigger, some beyond the lookback, some a few
        // minutes after it (clock skew).
        const startMin =
          random.next() < 0.1
            ? triggerMin + random.int(1, 3)
            : triggerMin - random.int(0, 7 * 60);
        const firings = random.next() < 0.3 ? 2 : 1;
        for (let f = 0; f < firings; f++) {
          const start = startMin + f * random.int(-60, 60);
          alerts.push({
            id: `${entityRef}:a${i}.${f}`,
            entityRef,
            alertname: 'ErrorBudgetBurn',
            severity: 'page',
            startsAt: at(start),
            endsAt: random.next() < 0.5 ? null : at(start + random.int(1, 90)),
          });
        }
      }
    }
    for (let n = 0; n < 4; n++) {
      const start = random.int(0, SPAN);
      alerts.push({
        id: `${entityRef}:noise${n}`,
        entityRef,
        alertname: 'ErrorBudgetBurn',
        severity: 'ticket',
        startsAt: at(start),
        endsAt: at(start + random.int(5, 600)),
      });
    }
  }
  return { deployments, incidents, alerts };
}
