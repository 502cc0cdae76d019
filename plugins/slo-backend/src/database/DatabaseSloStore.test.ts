import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseSloStore } from './DatabaseSloStore';
import { evaluationAt, ratioSlo } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';

const databases = portalTestDatabases();

describe.each(databases.eachSupportedId())(
  'DatabaseSloStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      return DatabaseSloStore.create({ database });
    }

    const listings = ratioSlo('listings-service', 'availability');
    const latency = ratioSlo('listings-service', 'latency', 0.99);
    const payments = ratioSlo('payments-service', 'availability', 0.9995);
    const definitions = [
      {
        slo: listings,
        entityRef: 'component:default/listings-service',
        owner: 'group:default/listings',
        system: 'property-marketplace',
        tier: 'tier-0',
      },
      {
        slo: latency,
        entityRef: 'component:default/listings-service',
        owner: 'group:default/listings',
        system: 'property-marketplace',
        tier: 'tier-0',
      },
      {
        slo: payments,
        entityRef: 'component:default/payments-service',
        owner: 'group:default/payments',
        tier: 'tier-1',
      },
    ];

    /** A store holding `definitions` for both services. */
    async function storeWithDefinitions() {
      const store = await createStore();
      await store.replaceDefinitions(
        [
          'component:default/listings-service',
          'component:default/payments-service',
        ],
        definitions,
      );
      return store;
    }

    it("replaces an entity's SLOs, filters by owner and tier, and keeps the latest evaluation", async () => {
      const store = await storeWithDefinitions();
      await store.recordEvaluations([
        evaluationAt(listings, '2026-11-20T10:00:00Z', 0.0005),
      ]);
      // An older (back-filled) evaluation must not replace the latest one.
      await store.recordEvaluations([
        evaluationAt(listings, '2026-11-19T10:00:00Z', 0.002),
      ]);

      const all = await store.listSlos();
      expect(all.map(s => s.slo.id)).toEqual([
        'listings-service-availability',
        'listings-service-latency',
        'payments-service-availability',
      ]);
      expect(all[0].latest?.at).toBe('2026-11-20T10:00:00.000Z');
      expect(all[0].latest?.status).toBe('healthy');
      expect(
        (await store.listSlos({ owners: ['group:default/payments'] })).map(
          s => s.slo.id,
        ),
      ).toEqual(['payments-service-availability']);
      expect(await store.listSlos({ tiers: ['tier-0'] })).toHaveLength(2);
      expect(
        (
          await store.listSlos({
            sloIds: ['payments-service-availability', 'unknown'],
          })
        ).map(s => s.entityRef),
      ).toEqual(['component:default/payments-service']);
      expect(await store.listSlos({ sloIds: [] })).toEqual([]);
      expect(await store.listOwners()).toEqual([
        'group:default/listings',
        'group:default/payments',
      ]);

      // The listings document lost its latency SLO; the latest evaluation survives.
      await store.replaceDefinitions(
        ['component:default/listings-service'],
        [definitions[0]],
      );
      const after = await store.listSlos({
        entityRef: 'component:default/listings-service',
      });
      expect(after.map(s => s.slo.id)).toEqual([
        'listings-service-availability',
      ]);
      expect(after[0].latest?.at).toBe('2026-11-20T10:00:00.000Z');

      await store.retainEntities(['component:default/payments-service']);
      expect((await store.listSlos()).map(s => s.slo.id)).toEqual([
        'payments-service-availability',
      ]);
      expect(await store.listOwners()).toEqual(['group:default/payments']);
    });

    it('keeps hourly snapshots and answers "as of" a past time', async () => {
      const store = await createStore();
      await store.replaceDefinitions(
        ['component:default/listings-service'],
        definitions.slice(0, 1),
      );
      await store.recordEvaluations([
        evaluationAt(listings, '2026-11-20T10:00:00Z', 0.0001),
        evaluationAt(listings, '2026-11-20T11:00:00Z', 0.0009),
      ]);
      // Same hour: the newer round replaces the snapshot.
      await store.recordEvaluations([
        evaluationAt(listings, '2026-11-20T12:00:00Z', 0.0002),
      ]);
      await store.recordEvaluations([
        evaluationAt(listings, '2026-11-20T12:30:00Z', 0.003),
      ]);

      const snapshots = await store.listSnapshots(
        [listings.id],
        new Date('2026-11-20T00:00:00Z'),
        new Date('2026-11-21T00:00:00Z'),
      );
      expect(snapshots.map(s => [s.at, s.status])).toEqual([
        ['2026-11-20T10:00:00.000Z', 'healthy'],
        ['2026-11-20T11:00:00.000Z', 'at-risk'],
        ['2026-11-20T12:30:00.000Z', 'exhausted'],
      ]);
      const asOf = await store.latestSnapshots(
        [listings.id, 'unknown'],
        new Date('2026-11-20T11:59:00Z'),
      );
      expect([...asOf.keys()]).toEqual([listings.id]);
      expect(asOf.get(listings.id)?.at).toBe('2026-11-20T11:00:00.000Z');
      expect(await store.newestSnapshotAt()).toEqual(
        new Date('2026-11-20T12:00:00Z'),
      );
    });

    it('counts statuses per day for the trend, filtered by owner', async () => {
      const store = await storeWithDefinitions();
      await store.recordEvaluations([
        evaluationAt(listings, '2026-11-19T23:00:00Z', 0.0001),
        evaluationAt(latency, '2026-11-19T23:00:00Z', 'missing'),
        evaluationAt(payments, '2026-11-19T23:00:00Z', 0.01),
        evaluationAt(listings, '2026-11-20T08:00:00Z', 0.0008),
      ]);
      expect(
        await store.dailyStatusCounts({}, new Date('2026-11-01T00:00:00Z')),
      ).toEqual([
        { day: '2026-11-19', healthy: 1, atRisk: 0, exhausted: 1, missing: 1 },
        { day: '2026-11-20', healthy: 0, atRisk: 1, exhausted: 0, missing: 0 },
      ]);
      expect(
        await store.dailyStatusCounts(
          { owners: ['group:default/payments'] },
          new Date('2026-11-01T00:00:00Z'),
        ),
      ).toEqual([
        { day: '2026-11-19', healthy: 0, atRisk: 0, exhausted: 1, missing: 0 },
      ]);
      // As of a past moment: the days after it are not counted.
      expect(
        await store.dailyStatusCounts(
          {},
          new Date('2026-11-01T00:00:00Z'),
          new Date('2026-11-19T23:00:00Z'),
        ),
      ).toEqual([
        { day: '2026-11-19', healthy: 1, atRisk: 0, exhausted: 1, missing: 1 },
      ]);
    });

    it('finds the newest observation at or before each boundary, within the tolerance', async () => {
      const store = await createStore();
      await store.insertObservations([
        { sloId: 'a', ts: 1000, good: 10, total: 10 },
        { sloId: 'a', ts: 1300, good: 19, total: 20 },
        { sloId: 'b', ts: 1000, good: 5, total: 5 },
      ]);
      // Re-ingesting the same sample overwrites it.
      await store.insertObservations([
        { sloId: 'a', ts: 1300, good: 18, total: 20 },
      ]);
      const found = await store.observationsAtOrBefore([1299, 1400, 5000], 600);
      expect(
        found
          .get(1299)
          ?.map(o => [o.sloId, o.ts])
          .sort(),
      ).toEqual([
        ['a', 1000],
        ['b', 1000],
      ]);
      expect(found.get(1400)).toEqual(
        expect.arrayContaining([
          { sloId: 'a', ts: 1300, good: 18, total: 20 },
          { sloId: 'b', ts: 1000, good: 5, total: 5 },
        ]),
      );
      expect(found.get(5000)).toEqual([]);
      expect(await store.latestObservationTs()).toBe(1300);
    });

    it('lets two replicas refresh definitions and record evaluations at once without a deadlock', async () => {
      const store = await createStore();
      const many = Array.from({ length: 120 }, (_, i) => {
        const slo = ratioSlo(`service-${i}`, 'availability');
        return {
          slo,
          entityRef: `component:default/service-${i}`,
          owner: 'group:default/listings',
          tier: 'tier-1',
        };
      });
      const refs = many.map(d => d.entityRef);
      await store.replaceDefinitions(refs, many);
      const evaluations = many.map(d =>
        evaluationAt(d.slo, '2026-11-20T10:00:00Z', 0.0005),
      );
      // The snapshot task on one replica and the definitions task on the
      // other write the same rows in opposite orders.
      for (let round = 0; round < 5; round++) {
        await Promise.all([
          store.replaceDefinitions(refs, many),
          store.replaceDefinitions([...refs].reverse(), [...many].reverse()),
          store.recordEvaluations([...evaluations].reverse()),
          store.recordEvaluations(evaluations),
        ]);
      }
      expect(await store.listSlos()).toHaveLength(120);
    }, 60_000);
  },
);
