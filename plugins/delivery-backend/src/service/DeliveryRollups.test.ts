import { seededRandom } from '@gogidix/test-kit';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AlertEvent,
  combineDelivery,
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryEvents,
  deliveryByService,
  deliveryDays,
  DeploymentEvent,
  IncidentEvent,
} from '@gogidix/plugin-delivery-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import { component, fixedCatalog } from '../__testUtils__/catalog';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DeliveryStore } from '../database/DeliveryStore';
import { readDeliveryHistory } from './deliveryHistory';
import { deliveryPeriods, DeliveryService } from './DeliveryService';

const databases = portalTestDatabases();

const MINUTE_MS = 60_000;
const DAY_MIN = 24 * 60;
const NOW = Date.parse('2026-12-07T13:20:00Z');
// Midnight starting the day after NOW: where every period of the page ends.
const END = Date.parse('2026-12-08T00:00:00Z');
const at = (minute: number) => new Date(END + minute * MINUTE_MS).toISOString();

const TEAMS = ['group:default/alpha', 'group:default/beta'];
const SERVICES: Array<[string, string]> = [
  ['payments', TEAMS[0]],
  ['orders', TEAMS[0]],
  ['quiet-deploys', TEAMS[0]],
  ['pager-only', TEAMS[1]],
  ['staging-only', TEAMS[1]],
  ['alerts-only', TEAMS[1]],
  ['idle', TEAMS[1]],
];
const ref = (name: string) => `component:default/${name}`;

/**
 * About 200 days of events before END: deploys with no incidents
 * (quiet-deploys), incidents with no deploy (pager-only), overlapping
 * incidents, rollbacks, failed and unfinished deploys, other environments,
 * commits shipped twice or stamped after their deploy and incidents or
 * alerts a few minutes off (clock skew), and events exactly on the
 * midnights where 7, 30 and 90-day periods and the ones before start.
 */
function generateHistory(seed: number): DeliveryEvents {
  const random = seededRandom(seed);
  const boundaries = [0, -7, -14, -30, -60, -90, -180].map(d => d * DAY_MIN);
  const minute = () =>
    random.next() < 0.15
      ? random.pick(boundaries) + random.pick([0, -1, 1])
      : random.int(-200 * DAY_MIN, 0);
  const deployments: DeploymentEvent[] = [];
  const incidents: IncidentEvent[] = [];
  const alerts: AlertEvent[] = [];
  for (const name of ['payments', 'orders', 'quiet-deploys', 'staging-only']) {
    const own: DeploymentEvent[] = [];
    const shipped: Array<{ sha: string; committedAt: string }> = [];
    for (let i = random.int(40, 80); i > 0; i--) {
      const finish = minute();
      const roll = random.next();
      let status: DeploymentEvent['status'] = 'in_progress';
      if (roll < 0.75) status = 'success';
      else if (roll < 0.9) status = 'failure';
      const commits = [];
      for (let c = random.int(0, 3); c > 0; c--) {
        if (shipped.length && random.next() < 0.2) {
          commits.push(random.pick(shipped));
        } else {
          const skewed = random.next() < 0.1;
          const commit = {
            sha: `${name}-${seed}-${shipped.length}`,
            committedAt: at(
              skewed ? finish + random.int(1, 3) : finish - random.int(0, 4000),
            ),
          };
          shipped.push(commit);
          commits.push(commit);
        }
      }
      const environment =
        name === 'staging-only'
          ? 'staging'
          : random.pick(['production', 'production', 'PRODUCTION', 'staging']);
      const deployment: DeploymentEvent = {
        id: `${name}:d${own.length}`,
        source: 'github',
        entityRef: ref(name),
        environment,
        status,
        sha: commits[0]?.sha ?? 'f'.repeat(40),
        startedAt: at(finish - random.int(0, 40)),
        finishedAt: status === 'in_progress' ? null : at(finish),
        rollbackOf:
          own.length && random.next() < 0.08 ? random.pick(own).id : null,
        commits,
      };
      own.push(deployment);
      deployments.push(deployment);
    }
  }
  for (const name of ['payments', 'orders', 'pager-only', 'alerts-only']) {
    const finished = deployments.filter(
      d => d.entityRef === ref(name) && d.finishedAt,
    );
    const own: IncidentEvent[] = [];
    const count = name === 'alerts-only' ? 0 : random.int(15, 30);
    for (let i = 0; i < count; i++) {
      const roll = random.next();
      let trigger = minute();
      if (finished.length && roll < 0.5) {
        // After a deploy, within or just beyond the failure window, or a
        // few minutes before it finished.
        trigger =
          (Date.parse(random.pick(finished).finishedAt!) - END) / MINUTE_MS +
          random.pick([
            random.int(-4, -1),
            random.int(0, 600),
            DAY_MIN,
            DAY_MIN + 1,
          ]);
      } else if (own.length && roll < 0.7) {
        // Overlapping the one before.
        trigger =
          (Date.parse(own[own.length - 1].triggeredAt) - END) / MINUTE_MS +
          random.int(0, 30);
      }
      const resolveRoll = random.next();
      let resolved: number | null = trigger + random.int(0, 3000);
      if (resolveRoll < 0.1) resolved = null;
      else if (resolveRoll < 0.15) resolved = trigger - 1;
      const incident: IncidentEvent = {
        id: `${name}:i${i}`,
        source: 'pagerduty',
        entityRef: ref(name),
        title: `incident ${i}`,
        urgency: 'high',
        triggeredAt: at(trigger),
        acknowledgedAt: null,
        resolvedAt: resolved === null ? null : at(resolved),
      };
      own.push(incident);
      incidents.push(incident);
      if (random.next() < 0.7) {
        const start =
          random.next() < 0.1
            ? trigger + random.int(1, 3)
            : trigger - random.int(0, 7 * 60);
        alerts.push({
          id: `${name}:a${i}`,
          entityRef: ref(name),
          alertname: 'ErrorBudgetBurn',
          severity: 'page',
          startsAt: at(start),
          endsAt: null,
        });
      }
    }
    for (let n = 0; n < 5; n++) {
      const start = minute();
      alerts.push({
        id: `${name}:noise${n}`,
        entityRef: ref(name),
        alertname: 'ErrorBudgetBurn',
        severity: 'ticket',
        startsAt: at(start),
        endsAt: at(start + 30),
      });
    }
  }
  return { deployments, incidents, alerts };
}

const catalog = fixedCatalog(
  SERVICES.map(([name, team]) => component(name, team)),
);

/**
 * The org page as computed before rollups: the span's events read for
 * every component and judged on each request.
 */
async function fullComputation(store: DeliveryStore, days: number, now: Date) {
  const { period, previous } = deliveryPeriods(days, now);
  const refs = SERVICES.map(([name]) => ref(name));
  const history = await readDeliveryHistory(store, refs, period, previous);
  const options = {
    ...DEFAULT_DELIVERY_JUDGEMENT,
    from: period.from,
    to: period.to,
  };
  const byService = deliveryByService(history, options);
  const teamOf = new Map(SERVICES.map(([name, team]) => [ref(name), team]));
  return {
    period,
    org: combineDelivery(byService, period),
    teams: TEAMS.map(team =>
      combineDelivery(
        byService.filter(s => teamOf.get(s.entityRef) === team),
        period,
      ),
    ),
    services: byService.map(s => [s.entityRef, s.metrics]),
    days: deliveryDays(history, options),
  };
}

async function fastPath(service: DeliveryService, days: number) {
  const page = await service.overview({
    days,
    shown: TEAMS,
    credentials: mockCredentials.user(),
  });
  return {
    period: page.period,
    org: page.org,
    teams: page.teams.map(t => t.metrics),
    services: page.services.map(s => [s.entityRef, s.metrics]),
    days: page.days,
  };
}

describe.each(databases.eachSupportedId())('Delivery rollups on %s', id => {
  async function setUp(seed: number) {
    const knex = await databases.init(id);
    const store = await DatabaseDeliveryStore.create({
      database: { getClient: async () => knex },
    });
    const history = generateHistory(seed);
    await store.upsertDeployments(history.deployments);
    await store.upsertIncidents(history.incidents);
    await store.upsertAlerts(history.alerts);
    let now = new Date(NOW);
    const service = new DeliveryService(store, catalog, {
      environment: 'production',
      sources: [],
      now: () => now,
    });
    const reads = jest.spyOn(store, 'deployments');
    return {
      store,
      service,
      reads,
      setNow: (next: Date) => {
        now = next;
      },
      /** Which components' events the page read since the last call. */
      readRefs: () => {
        const refs = reads.mock.calls.flatMap(([q]) => q.entityRefs ?? []);
        reads.mockClear();
        return refs.sort();
      },
    };
  }

  it.each([1, 2, 3])(
    'gives the full computation’s figures, cold and from rollups (seed %i)',
    async seed => {
      const { store, service, readRefs } = await setUp(seed);
      for (const days of [7, 30, 90]) {
        const expected = await fullComputation(store, days, new Date(NOW));
        readRefs();
        expect(expected.services.length).toBeGreaterThan(3);
        expect(await fastPath(service, days)).toEqual(expected);
        expect(readRefs()).toHaveLength(SERVICES.length);
        // From the rollups alone: no event is read again.
        expect(await fastPath(service, days)).toEqual(expected);
        expect(readRefs()).toEqual([]);
      }
    },
  );

  it('computes again only the services whose events changed', async () => {
    const { store, service, readRefs } = await setUp(4);
    await service.refreshRollups();
    readRefs();
    // A new incident right after a deploy in the period, and a deployment
    // moved from orders to payments by a source read again.
    const recent = await store.deployments({
      from: at(-20 * DAY_MIN),
      to: at(0),
      entityRefs: [ref('orders')],
    });
    // One no rollback names: the org's day counts judge rollbacks across
    // services, each service's figures only its own (see the README).
    const named = new Set(recent.map(d => d.rollbackOf));
    const moved = recent.find(d => !named.has(d.id))!;
    expect(moved).toBeDefined();
    await store.upsertIncidents([
      {
        id: 'quiet-deploys:new',
        source: 'pagerduty',
        entityRef: ref('quiet-deploys'),
        title: 'late',
        urgency: 'high',
        triggeredAt: at(-3 * DAY_MIN),
        acknowledgedAt: null,
        resolvedAt: at(-3 * DAY_MIN + 45),
      },
    ]);
    await store.upsertDeployments([{ ...moved, entityRef: ref('payments') }]);
    readRefs();
    for (const days of [30, 90]) {
      const expected = await fullComputation(store, days, new Date(NOW));
      readRefs();
      expect(await fastPath(service, days)).toEqual(expected);
      expect(readRefs()).toEqual([
        ref('orders'),
        ref('payments'),
        ref('quiet-deploys'),
      ]);
    }
  });

  it('keeps the reporting service’s rollups current after a reported deploy', async () => {
    const { store, service, readRefs } = await setUp(5);
    await service.refreshRollups();
    await service.reportDeployment({
      entityRef: ref('pager-only'),
      runId: 'run-1',
      environment: 'production',
      status: 'success',
      sha: 'a'.repeat(40),
      startedAt: at(-2 * DAY_MIN),
      finishedAt: at(-2 * DAY_MIN + 10),
      commits: [{ sha: 'a'.repeat(40), committedAt: at(-3 * DAY_MIN) }],
    });
    readRefs();
    for (const days of [30, 90]) {
      const expected = await fullComputation(store, days, new Date(NOW));
      readRefs();
      expect(await fastPath(service, days)).toEqual(expected);
      expect(readRefs()).toEqual([]);
    }
  });

  it('computes a new day’s periods, not yesterday’s rollups', async () => {
    const { store, service, setNow } = await setUp(6);
    await service.refreshRollups();
    const tomorrow = new Date(NOW + 24 * 3_600_000);
    setNow(tomorrow);
    await store.upsertDeployments([
      {
        id: 'payments:tomorrow',
        source: 'github',
        entityRef: ref('payments'),
        environment: 'production',
        status: 'failure',
        sha: 'b'.repeat(40),
        startedAt: at(DAY_MIN / 2),
        finishedAt: at(DAY_MIN / 2 + 5),
        rollbackOf: null,
        commits: [],
      },
    ]);
    for (const days of [30, 90]) {
      expect(await fastPath(service, days)).toEqual(
        await fullComputation(store, days, tomorrow),
      );
    }
  });
});
