import { mockCredentials, TestDatabaseId } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { eventually, portalTestDatabases } from '@gogidix/test-kit';
import {
  ALICE,
  BOB,
  CAROL,
  TEAM_B,
  TestClock,
  TestEntityProvider,
  TestPolicy,
  component,
  startCatalog,
} from './__testUtils__/catalogUnderTest';
import { READ_CACHE_HEADER } from './service/readCacheMiddleware';

jest.setTimeout(120_000);

const databases = portalTestDatabases();

const MAX_AGE_MS = 2_000;

/** 30 components: c-00..c-19 owned by team-a, c-20..c-29 and `moving` by team-b. */
function organisation(movingRevision: string): Entity[] {
  const entities = Array.from({ length: 30 }, (_, i) =>
    component(
      `c-${String(i).padStart(2, '0')}`,
      i < 20 ? 'group:default/team-a' : TEAM_B,
    ),
  );
  entities.push(
    component('moving', TEAM_B, { 'test/revision': movingRevision }),
  );
  return entities;
}

const TEAM_B_NAMES = [
  ...Array.from({ length: 10 }, (_, i) => `c-${20 + i}`),
  'moving',
].sort();

type Server = Awaited<ReturnType<typeof startCatalog>>['server'];

/** The four reads, as the catalog's clients send them. */
const READS = {
  byName: (s: Server) =>
    request(s).get('/api/catalog/entities/by-name/component/default/c-03'),
  byQuery: (s: Server) =>
    request(s).get(
      '/api/catalog/entities/by-query?limit=20&orderField=metadata.name,asc',
    ),
  byRefs: (s: Server) =>
    request(s)
      .post('/api/catalog/entities/by-refs')
      .send({
        entityRefs: Array.from(
          { length: 20 },
          (_, i) => `component:default/c-${String(i + 5).padStart(2, '0')}`,
        ),
      }),
  facets: (s: Server) =>
    request(s).get('/api/catalog/entity-facets?facet=spec.owner&facet=kind'),
};

function namesOf(items: Array<Entity | null>) {
  return items
    .filter((e): e is Entity => e !== null)
    .map(e => e.metadata.name)
    .sort();
}

/** Waits until the processed catalog shows what `check` looks for. */
async function until(check: () => Promise<boolean>) {
  await eventually(check, {
    what: 'the catalog settling',
    timeoutMs: 60_000,
    intervalMs: 100,
  });
}

describe.each(databases.eachSupportedId())(
  'the catalog read cache on %s',
  (databaseId: TestDatabaseId) => {
    let backend: Awaited<ReturnType<typeof startCatalog>>;
    let server: Server;
    const provider = new TestEntityProvider();
    const policy = new TestPolicy();
    const clock = new TestClock();
    const alice = mockCredentials.user.header(ALICE);
    const bob = mockCredentials.user.header(BOB);
    const carol = mockCredentials.user.header(CAROL);

    /** What Bob sees is never cached: it is the catalog's current state. */
    async function movingRevisionForBob() {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/moving')
        .set('authorization', bob);
      return res.status === 200
        ? res.body.metadata.annotations['test/revision']
        : undefined;
    }

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      backend = await startCatalog({ knex, provider, policy, clock });
      server = backend.server;
      await provider.set(organisation('1'));
      await until(async () => {
        // Every poll is a miss: the clock jumps past the bound first.
        clock.advance(MAX_AGE_MS);
        const res = await request(server)
          .get('/api/catalog/entities/by-query?limit=100')
          .set('authorization', alice);
        return res.body.totalItems === 31;
      });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    beforeEach(() => clock.advance(MAX_AGE_MS));

    it.each(Object.entries(READS))(
      'answers %s for an allowed user with the catalog answer, then from memory without asking the policy again',
      async (_, read) => {
        const miss = await read(server).set('authorization', alice);
        expect(miss.status).toBe(200);
        expect(miss.headers[READ_CACHE_HEADER]).toBe('miss');

        const askedBefore = policy.asked.get(ALICE);
        const hit = await read(server).set('authorization', alice);
        expect(hit.status).toBe(200);
        expect(hit.headers[READ_CACHE_HEADER]).toBe('hit');
        expect(hit.text).toBe(miss.text);
        expect(hit.headers['content-type']).toBe(miss.headers['content-type']);
        expect(policy.asked.get(ALICE)).toBe(askedBefore);

        // A service principal is allowed too, and shares the entry.
        const service = await read(server).set(
          'authorization',
          mockCredentials.service.header(),
        );
        expect(service.headers[READ_CACHE_HEADER]).toBe('hit');
        expect(service.text).toBe(miss.text);
      },
    );

    it('answers the list query with 20 entities', async () => {
      const res = await READS.byQuery(server).set('authorization', alice);
      expect(res.body.items).toHaveLength(20);
      expect(res.body.totalItems).toBe(31);
    });

    it('never gives a conditionally allowed user what an allowed user warmed', async () => {
      const warm = await request(server)
        .get('/api/catalog/entities/by-query?limit=50')
        .set('authorization', alice);
      expect(namesOf(warm.body.items)).toHaveLength(31);
      expect(
        (
          await request(server)
            .get('/api/catalog/entities/by-query?limit=50')
            .set('authorization', alice)
        ).headers[READ_CACHE_HEADER],
      ).toBe('hit');

      const list = await request(server)
        .get('/api/catalog/entities/by-query?limit=50')
        .set('authorization', bob);
      expect(list.status).toBe(200);
      expect(list.headers[READ_CACHE_HEADER]).toBe('bypass');
      expect(namesOf(list.body.items)).toEqual(TEAM_B_NAMES);
      expect(list.body.totalItems).toBe(TEAM_B_NAMES.length);

      await READS.byName(server).set('authorization', alice);
      const byName = await READS.byName(server).set('authorization', bob);
      expect(byName.status).toBe(404);

      const refs = {
        entityRefs: ['component:default/c-00', 'component:default/c-25'],
      };
      await request(server)
        .post('/api/catalog/entities/by-refs')
        .set('authorization', alice)
        .send(refs);
      const byRefs = await request(server)
        .post('/api/catalog/entities/by-refs')
        .set('authorization', bob)
        .send(refs);
      expect(byRefs.body.items[0]).toBeNull();
      expect(byRefs.body.items[1].metadata.name).toBe('c-25');

      await READS.facets(server).set('authorization', alice);
      const facets = await READS.facets(server).set('authorization', bob);
      expect(facets.body.facets['spec.owner']).toEqual([
        { value: TEAM_B, count: TEAM_B_NAMES.length },
      ]);
    });

    it("gives a denied user the catalog's own empty answers", async () => {
      await READS.byQuery(server).set('authorization', alice);
      const list = await READS.byQuery(server).set('authorization', carol);
      expect(list.status).toBe(200);
      expect(list.headers[READ_CACHE_HEADER]).toBe('bypass');
      expect(list.body.items).toEqual([]);

      await READS.byName(server).set('authorization', alice);
      expect(
        (await READS.byName(server).set('authorization', carol)).status,
      ).toBe(404);
    });

    it('serves a changed entity within the freshness bound: kept until half of it, refreshed from then on', async () => {
      const read = () =>
        request(server)
          .get('/api/catalog/entities/by-name/component/default/moving')
          .set('authorization', alice);
      const before = await read();
      expect(before.headers[READ_CACHE_HEADER]).toBe('miss');
      expect(before.body.metadata.annotations['test/revision']).toBe('1');

      await provider.set(organisation('2'));
      await until(async () => (await movingRevisionForBob()) === '2');

      // The catalog has changed, but the answer is younger than half the
      // bound: it is served as kept.
      clock.advance(MAX_AGE_MS / 2 - 1);
      const stale = await read();
      expect(stale.headers[READ_CACHE_HEADER]).toBe('hit');
      expect(stale.body.metadata.annotations['test/revision']).toBe('1');

      // From half the bound, a request renews it from the catalog.
      clock.advance(1);
      const fresh = await read();
      expect(fresh.headers[READ_CACHE_HEADER]).toBe('miss');
      expect(fresh.body.metadata.annotations['test/revision']).toBe('2');

      await provider.set(organisation('1'));
      await until(async () => (await movingRevisionForBob()) === '1');
    });

    it('forgets everything when the catalog is written to through the portal', async () => {
      const warm = await READS.byName(server).set('authorization', alice);
      expect(warm.status).toBe(200);
      expect(
        (await READS.byName(server).set('authorization', alice)).headers[
          READ_CACHE_HEADER
        ],
      ).toBe('hit');

      const deleted = await request(server)
        .delete(`/api/catalog/entities/by-uid/${warm.body.metadata.uid}`)
        .set('authorization', alice);
      expect(deleted.status).toBe(204);

      const gone = await READS.byName(server).set('authorization', alice);
      expect(gone.status).toBe(404);
      expect(gone.headers[READ_CACHE_HEADER]).toBe('miss');

      // The provider puts it back.
      await provider.set(organisation('1'));
      await until(async () => {
        clock.advance(MAX_AGE_MS);
        return (
          (await READS.byName(server).set('authorization', alice)).status ===
          200
        );
      });
    });

    it('keeps a separate answer for each by-refs body', async () => {
      const ask = (names: string[]) =>
        request(server)
          .post('/api/catalog/entities/by-refs')
          .set('authorization', alice)
          .send({ entityRefs: names.map(n => `component:default/${n}`) });
      const first = await ask(['c-01', 'c-02']);
      const second = await ask(['c-02', 'c-01']);
      expect(first.headers[READ_CACHE_HEADER]).toBe('miss');
      expect(second.headers[READ_CACHE_HEADER]).toBe('miss');
      expect(namesOf(first.body.items)).toEqual(['c-01', 'c-02']);
      expect(second.body.items.map((e: Entity) => e.metadata.name)).toEqual([
        'c-02',
        'c-01',
      ]);
      const again = await ask(['c-01', 'c-02']);
      expect(again.headers[READ_CACHE_HEADER]).toBe('hit');
      expect(again.text).toBe(first.text);
    });

    it('answers the same question asked with its parameters in another order from the same entry', async () => {
      const a = await request(server)
        .get(
          '/api/catalog/entity-facets?facet=kind&filter=kind=component&facet=spec.owner',
        )
        .set('authorization', alice);
      const b = await request(server)
        .get(
          '/api/catalog/entity-facets?filter=kind=component&facet=kind&facet=spec.owner',
        )
        .set('authorization', alice);
      expect(a.headers[READ_CACHE_HEADER]).toBe('miss');
      expect(b.headers[READ_CACHE_HEADER]).toBe('hit');
      expect(b.text).toBe(a.text);
    });
  },
);

describe('requests the cache does not answer', () => {
  it('get exactly the answers of the catalog without the cache', async () => {
    const provider = new TestEntityProvider();
    const withCache = await startCatalog({
      provider,
      policy: new TestPolicy(),
      clock: new TestClock(),
    });
    const without = await startCatalog({
      provider: new TestEntityProvider(),
      policy: new TestPolicy(),
      clock: new TestClock(),
      readCache: { enabled: false },
    });
    try {
      const cases = [
        (s: Server) =>
          request(s)
            .get('/api/catalog/entities/by-query?limit=20')
            .set('authorization', mockCredentials.none.header()),
        (s: Server) =>
          request(s)
            .get('/api/catalog/entities/by-name/component/default/c-01')
            .set('authorization', mockCredentials.user.invalidHeader()),
        (s: Server) =>
          request(s)
            .post('/api/catalog/entities/by-refs')
            .set('authorization', mockCredentials.none.header())
            .send({ entityRefs: [] }),
        (s: Server) =>
          request(s)
            .post('/api/catalog/entities/by-refs')
            .set('authorization', mockCredentials.user.header(ALICE))
            .set('content-type', 'application/json')
            .send('{"entityRefs": ['),
        (s: Server) =>
          request(s)
            .post('/api/catalog/entities/by-refs')
            .set('authorization', mockCredentials.user.header(ALICE))
            .send({ entityRefs: 'not-a-list' }),
        (s: Server) =>
          request(s)
            .get('/api/catalog/entities/by-query?limit=twenty')
            .set('authorization', mockCredentials.user.header(ALICE)),
        (s: Server) =>
          request(s)
            .get('/api/catalog/entity-facets')
            .set('authorization', mockCredentials.user.header(ALICE)),
      ];
      for (const send of cases) {
        const cached = await send(withCache.server);
        const plain = await send(without.server);
        expect({ status: cached.status, body: cached.body }).toEqual({
          status: plain.status,
          body: plain.body,
        });
        expect(cached.status).toBeGreaterThanOrEqual(400);
      }
    } finally {
      await withCache.stop();
      await without.stop();
    }
  });
});
