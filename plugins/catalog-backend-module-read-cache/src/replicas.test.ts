import {
  CacheManager,
  cacheServiceFactory,
} from '@backstage/backend-defaults/cache';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { portalTestDatabases, eventually } from '@gogidix/test-kit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  ALICE,
  TestClock,
  TestEntityProvider,
  TestPolicy,
  component,
  startCatalog,
} from './__testUtils__/catalogUnderTest';
import { SharedAnswers } from './service/SharedAnswers';
import { cacheKeyOf } from './service/cachedRoutes';
import { READ_CACHE_HEADER } from './service/readCacheMiddleware';
import { describeWithRedis, REDIS_URL } from './__testUtils__/redis';

jest.setTimeout(120_000);

const databases = portalTestDatabases();
const MAX_AGE_MS = 2_000;
const BY_NAME = '/entities/by-name/component/default/c-03';

describeWithRedis('two catalog replicas with backend.cache.store redis', () => {
  const namespace = `read-cache-test-${randomUUID()}`;
  const cache = {
    store: 'redis',
    connection: REDIS_URL,
    redis: { client: { namespace } },
  };
  const clock = new TestClock();
  const policy = new TestPolicy();
  const alice = mockCredentials.user.header(ALICE);
  const replicas: Array<Awaited<ReturnType<typeof startCatalog>>> = [];

  // Two real catalogs on one database, each with the module and the real
  // cache service on Redis, as two pods of the Helm chart's HA profile.
  afterAll(async () => {
    await Promise.all(replicas.map(r => r.stop()));
    await CacheManager.fromConfig(new ConfigReader({ backend: { cache } }))
      .forPlugin('catalog')
      .delete('read-cache:v1:generation');
  });

  it('serves on B what A read, and a write through B empties A within followWithin', async () => {
    const [databaseId] = databases.eachSupportedId()[0];
    const knex = await databases.init(databaseId);
    const provider = new TestEntityProvider();
    for (const entityProvider of [provider, new TestEntityProvider()]) {
      replicas.push(
        await startCatalog({
          knex,
          provider: entityProvider,
          policy,
          clock,
          backend: { cache },
          features: [cacheServiceFactory],
        }),
      );
    }
    const [a, b] = replicas.map(r => r.server);
    await provider.set([
      component('c-03', 'group:default/team-a'),
      component('c-04', 'group:default/team-a'),
    ]);
    await eventually(
      async () => {
        clock.advance(MAX_AGE_MS);
        const res = await request(a)
          .get(`/api/catalog${BY_NAME}`)
          .set('authorization', alice);
        return res.status === 200;
      },
      { what: 'the catalog settling', timeoutMs: 60_000, intervalMs: 100 },
    );
    clock.advance(MAX_AGE_MS);

    const first = await request(a)
      .get(`/api/catalog${BY_NAME}`)
      .set('authorization', alice);
    expect(first.headers[READ_CACHE_HEADER]).toBe('miss');
    const probe = new SharedAnswers({
      cache: CacheManager.fromConfig(
        new ConfigReader({ backend: { cache } }),
      ).forPlugin('catalog'),
      logger: mockServices.logger.mock(),
      maxAgeMs: MAX_AGE_MS,
      wallNow: clock.now,
    });
    const key = cacheKeyOf({ method: 'GET', path: BY_NAME, search: '' });
    await eventually(
      async () => {
        const generation = await probe.generation();
        return (
          generation !== undefined &&
          (await probe.get(generation, key, MAX_AGE_MS)) !== undefined
        );
      },
      { what: "A's answer in Redis", timeoutMs: 5_000, intervalMs: 20 },
    );

    const fromB = await request(b)
      .get(`/api/catalog${BY_NAME}`)
      .set('authorization', alice);
    expect(fromB.headers[READ_CACHE_HEADER]).toBe('shared');
    expect(fromB.body).toEqual(first.body);
    const again = await request(a)
      .get(`/api/catalog${BY_NAME}`)
      .set('authorization', alice);
    expect(again.headers[READ_CACHE_HEADER]).toBe('hit');

    const other = await request(b)
      .get('/api/catalog/entities/by-name/component/default/c-04')
      .set('authorization', alice);
    const removed = await request(b)
      .delete(`/api/catalog/entities/by-uid/${other.body.metadata.uid}`)
      .set('authorization', alice);
    expect(removed.status).toBe(204);

    // A follows the generation it read for followWithin (100 ms by
    // default), as a single replica's answers would have been served for
    // up to maxAge before they were shared; from then on it asks again.
    const withinFollow = await request(a)
      .get(`/api/catalog${BY_NAME}`)
      .set('authorization', alice);
    expect(withinFollow.headers[READ_CACHE_HEADER]).toBe('hit');
    clock.advance(100);
    const afterWrite = await request(a)
      .get(`/api/catalog${BY_NAME}`)
      .set('authorization', alice);
    expect(afterWrite.headers[READ_CACHE_HEADER]).toBe('miss');
  });
});
