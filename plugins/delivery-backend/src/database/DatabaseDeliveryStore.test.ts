import {
  AlertEvent,
  DeploymentEvent,
  IncidentEvent,
} from '@gogidix/plugin-delivery-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseDeliveryStore } from './DatabaseDeliveryStore';

const databases = portalTestDatabases();

const deployment = (
  overrides: Partial<DeploymentEvent> = {},
): DeploymentEvent => ({
  id: 'github:gogidix/payments:1',
  source: 'github',
  entityRef: 'component:default/payments',
  environment: 'production',
  status: 'success',
  sha: 'a'.repeat(40),
  startedAt: '2026-12-01T10:00:00Z',
  finishedAt: '2026-12-01T10:07:00Z',
  commits: [{ sha: 'a'.repeat(40), committedAt: '2026-12-01T08:00:00+02:00' }],
  rollbackOf: null,
  ...overrides,
});

const incident = (overrides: Partial<IncidentEvent> = {}): IncidentEvent => ({
  id: 'pagerduty:Q1',
  source: 'pagerduty',
  entityRef: 'component:default/payments',
  title: 'Checkout errors',
  urgency: 'high',
  triggeredAt: '2026-12-02T03:00:00Z',
  acknowledgedAt: null,
  resolvedAt: null,
  ...overrides,
});

const alert = (overrides: Partial<AlertEvent> = {}): AlertEvent => ({
  id: 'f1:2026-12-02T02:55:00.000Z',
  entityRef: 'component:default/payments',
  alertname: 'ErrorBudgetBurn',
  severity: 'page',
  startsAt: '2026-12-02T02:55:00Z',
  endsAt: null,
  ...overrides,
});

const all = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

describe.each(databases.eachSupportedId())(
  'DatabaseDeliveryStore on %s',
  id => {
    async function createStore() {
      const knex = await databases.init(id);
      return DatabaseDeliveryStore.create({
        database: { getClient: async () => knex },
      });
    }

    it('stores deployments with their commits, times in one UTC form', async () => {
      const store = await createStore();
      await store.upsertDeployments([deployment()]);
      expect(await store.deployments(all)).toEqual([
        deployment({
          startedAt: '2026-12-01T10:00:00.000Z',
          finishedAt: '2026-12-01T10:07:00.000Z',
          commits: [
            { sha: 'a'.repeat(40), committedAt: '2026-12-01T06:00:00.000Z' },
          ],
        }),
      ]);
    });

    it('replaces an event read again instead of adding it', async () => {
      const store = await createStore();
      await store.upsertDeployments([
        deployment({ status: 'in_progress', finishedAt: null }),
      ]);
      await store.upsertDeployments([deployment()]);
      await store.upsertIncidents([incident()]);
      await store.upsertIncidents([
        incident({ resolvedAt: '2026-12-02T03:40:00Z' }),
      ]);
      await store.upsertAlerts([alert(), alert()]);
      const deployments = await store.deployments(all);
      expect(deployments.map(d => [d.id, d.status])).toEqual([
        ['github:gogidix/payments:1', 'success'],
      ]);
      expect((await store.incidents(all)).map(i => i.resolvedAt)).toEqual([
        '2026-12-02T03:40:00.000Z',
      ]);
      expect(await store.alerts(all)).toHaveLength(1);
    });

    it('raises a version only for services whose events a write changes', async () => {
      const store = await createStore();
      const payments = 'component:default/payments';
      const search = 'component:default/search';
      const versions = async () =>
        Object.fromEntries(await store.serviceVersions([payments, search]));
      await store.upsertDeployments([
        deployment(),
        deployment({ id: 'd2', entityRef: search }),
      ]);
      await store.upsertIncidents([incident()]);
      expect(await versions()).toEqual({ [payments]: 2, [search]: 1 });

      // A source read again returns the same events, in its own time form.
      await store.upsertDeployments([
        deployment({ id: 'd2', entityRef: search }),
        deployment({ startedAt: '2026-12-01T12:00:00+02:00' }),
      ]);
      await store.upsertIncidents([incident()]);
      expect(await versions()).toEqual({ [payments]: 2, [search]: 1 });

      await store.upsertIncidents([
        incident({ resolvedAt: '2026-12-02T03:40:00Z' }),
      ]);
      expect(await versions()).toEqual({ [payments]: 3, [search]: 1 });

      // An event moved to another service changes both.
      await store.upsertDeployments([deployment({ entityRef: search })]);
      expect(await versions()).toEqual({ [payments]: 4, [search]: 2 });
      expect(
        (await store.deployments(all)).map(d => [d.id, d.entityRef]),
      ).toEqual([
        ['d2', search],
        ['github:gogidix/payments:1', search],
      ]);
    });

    it('reads a half-open period, for some components or all, oldest first', async () => {
      const store = await createStore();
      await store.upsertDeployments([
        deployment({ id: 'd3', startedAt: '2026-12-03T00:00:00Z' }),
        deployment({ id: 'd1', startedAt: '2026-12-01T00:00:00Z' }),
        deployment({
          id: 'd2',
          startedAt: '2026-12-02T00:00:00Z',
          entityRef: 'component:default/search',
        }),
      ]);
      const period = {
        from: '2026-12-01T00:00:00Z',
        to: '2026-12-03T00:00:00Z',
      };
      expect((await store.deployments(period)).map(d => d.id)).toEqual([
        'd1',
        'd2',
      ]);
      expect(
        (
          await store.deployments({
            ...period,
            entityRefs: ['component:default/search'],
          })
        ).map(d => d.id),
      ).toEqual(['d2']);
      expect(await store.deployments({ ...period, entityRefs: [] })).toEqual(
        [],
      );
    });

    it('finds the firings stored without an end since a time', async () => {
      const store = await createStore();
      await store.upsertAlerts([
        alert({ id: 'open', startsAt: '2026-12-02T02:55:00Z' }),
        alert({
          id: 'ended',
          startsAt: '2026-12-02T02:56:00Z',
          endsAt: '2026-12-02T03:30:00Z',
        }),
        alert({ id: 'old', startsAt: '2026-11-01T00:00:00Z' }),
      ]);
      const since = '2026-12-01T00:00:00Z';
      expect((await store.openAlerts(since)).map(a => a.id)).toEqual(['open']);
      // Storing the firing again with its end closes it.
      await store.upsertAlerts([
        alert({ id: 'open', endsAt: '2026-12-02T04:00:00Z' }),
      ]);
      expect(await store.openAlerts(since)).toEqual([]);
      expect((await store.alerts(all)).find(a => a.id === 'open')?.endsAt).toBe(
        '2026-12-02T04:00:00.000Z',
      );
    });

    it('finds stored deployments by id', async () => {
      const store = await createStore();
      await store.upsertDeployments([
        deployment({ id: 'd1' }),
        deployment({ id: 'd2' }),
      ]);
      const found = await store.deploymentsById(['d2', 'd9']);
      expect(found.map(d => d.id)).toEqual(['d2']);
      expect(await store.deploymentsById([])).toEqual([]);
    });

    it('writes and reads more events than one statement binds', async () => {
      const store = await createStore();
      const many = Array.from({ length: 230 }, (_, i) =>
        incident({
          id: `pagerduty:${i}`,
          entityRef: `component:default/s${i % 7}`,
          triggeredAt: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
        }),
      );
      await store.upsertIncidents(many);
      const refs = Array.from(
        { length: 1200 },
        (_, i) => `component:default/s${i}`,
      );
      const read = await store.incidents({ ...all, entityRefs: refs });
      expect(read).toHaveLength(230);
      expect(read.map(i => i.triggeredAt)).toEqual(
        [...read.map(i => i.triggeredAt)].sort(),
      );
    });
  },
);
