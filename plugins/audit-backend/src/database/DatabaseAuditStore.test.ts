import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { AuditEvent } from '@gogidix/plugin-audit-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseAuditStore } from './DatabaseAuditStore';

const databases = portalTestDatabases();

const started = (id: string, time: string, extra: Partial<AuditEvent> = {}) =>
  ({
    id,
    time,
    plugin: 'catalog',
    eventId: 'location-mutate',
    severity: 'medium',
    outcome: 'initiated',
    actor: 'user:default/jane.doe',
    target: 'file:/demo/services/listings.yaml',
    request: { method: 'POST', url: '/api/catalog/locations' },
    meta: { actionType: 'create' },
    ...extra,
  } as AuditEvent);

describe.each(databases.eachSupportedId())(
  'DatabaseAuditStore on %s',
  (databaseId: TestDatabaseId) => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseAuditStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
    }

    it('completes a started action in place, also within one batch', async () => {
      const store = await createStore();
      await store.write([started('a', '2026-11-27T08:00:00.000Z')]);
      await store.write([
        {
          ...started('a', '2026-11-27T08:00:00.000Z'),
          outcome: 'succeeded',
          completedAt: '2026-11-27T08:00:01.000Z',
          meta: { actionType: 'create', locationId: 'l1' },
        },
        started('b', '2026-11-27T08:01:00.000Z'),
        {
          ...started('b', '2026-11-27T08:01:00.000Z'),
          outcome: 'failed',
          error: 'Location already exists',
        },
      ]);
      const page = await store.list({}, { offset: 0, limit: 10 });
      expect(page.totalCount).toBe(2);
      expect(page.items.map(e => [e.id, e.outcome, e.error])).toEqual([
        ['b', 'failed', 'Location already exists'],
        ['a', 'succeeded', undefined],
      ]);
      expect(page.items[1]).toMatchObject({
        completedAt: '2026-11-27T08:00:01.000Z',
        actor: 'user:default/jane.doe',
        request: { method: 'POST', url: '/api/catalog/locations' },
        meta: { actionType: 'create', locationId: 'l1' },
      });
    });

    it('filters, pages newest first and deletes old events', async () => {
      const store = await createStore();
      await store.write([
        started('1', '2026-11-01T00:00:00.000Z'),
        started('2', '2026-11-02T00:00:00.000Z', {
          plugin: 'cost',
          eventId: 'cost-import',
          outcome: 'succeeded',
          target: 'billing 100_% done',
        }),
        started('3', '2026-11-03T00:00:00.000Z', {
          actor: 'user:default/john.smith',
          severity: 'high',
        }),
        started('4', '2026-11-04T00:00:00.000Z', {
          plugin: 'permission',
          eventId: 'permission-denied',
          outcome: 'failed',
        }),
      ]);
      const ids = async (query: object, offset = 0, limit = 10) =>
        (await store.list(query, { offset, limit })).items.map(e => e.id);

      expect(await ids({})).toEqual(['4', '3', '2', '1']);
      expect(await ids({}, 1, 2)).toEqual(['3', '2']);
      expect(await ids({ plugin: 'cost', eventId: 'cost-import' })).toEqual([
        '2',
      ]);
      expect(await ids({ actor: 'user:default/john.smith' })).toEqual(['3']);
      // Part of a name, in any case, finds the person.
      expect(await ids({ actor: 'jane' })).toEqual(['4', '2', '1']);
      expect(await ids({ actor: 'John.S' })).toEqual(['3']);
      expect(await ids({ actor: 'j%' })).toEqual([]);
      expect(await ids({ outcome: 'failed' })).toEqual(['4']);
      expect(await ids({ severity: 'high' })).toEqual(['3']);
      // LIKE wildcards in the text are matched literally.
      expect(await ids({ target: '100_%' })).toEqual(['2']);
      expect(await ids({ target: 'LISTINGS' })).toEqual(['4', '3', '1']);
      expect(
        await ids({
          from: '2026-11-02T00:00:00.000Z',
          to: '2026-11-04T00:00:00.000Z',
        }),
      ).toEqual(['3', '2']);
      expect(
        (await store.list({ outcome: 'initiated' }, { offset: 0, limit: 1 }))
          .totalCount,
      ).toBe(2);

      expect(await store.deleteBefore(new Date('2026-11-03T00:00:00Z'))).toBe(
        2,
      );
      expect(await ids({})).toEqual(['4', '3']);
    });
  },
);
