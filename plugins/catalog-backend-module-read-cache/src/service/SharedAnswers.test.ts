import {
  AuditorService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestClock } from '../__testUtils__/catalogUnderTest';
import { CatalogReadCache } from './CatalogReadCache';
import { cacheKeyOf } from './cachedRoutes';
import { ReadDecisions } from './ReadDecisions';
import { SharedAnswers, withoutCredentials } from './SharedAnswers';
import {
  READ_CACHE_HEADER,
  createReadCacheMiddleware,
} from './readCacheMiddleware';
import { describeWithRedis, REDIS_URL } from '../__testUtils__/redis';

const MAX_AGE_MS = 10_000;

/** The cache service of one replica, as `backend.cache.store: redis` builds it. */
function redisCacheService(
  namespace: string,
  connection = REDIS_URL,
): CacheService {
  return CacheManager.fromConfig(
    new ConfigReader({
      backend: {
        cache: {
          store: 'redis',
          connection,
          redis: { client: { namespace } },
        },
      },
    }),
  ).forPlugin('catalog');
}

const auditor = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
} as unknown as AuditorService;

/** The catalog behind the replicas: the same database for all of them. */
class TestCatalog {
  calls = 0;
  revision = 1;
}

/** One backend replica: its own read cache, the catalog, a shared store. */
function replica(options: {
  catalog: TestCatalog;
  cacheService: CacheService;
  clock: TestClock;
  logger?: LoggerService;
}) {
  const { catalog, cacheService, clock } = options;
  const app = express();
  app.use(
    createReadCacheMiddleware({
      cache: new CatalogReadCache({
        maxAgeMs: MAX_AGE_MS,
        maxEntries: 100,
        maxEntryBytes: 100_000,
        maxTotalBytes: 1_000_000,
        now: clock.now,
      }),
      decisions: new ReadDecisions({
        auth: mockServices.auth(),
        permissions: mockServices.permissions(),
        maxAgeMs: MAX_AGE_MS,
        now: clock.now,
      }),
      httpAuth: mockServices.httpAuth(),
      auditor,
      maxEntryBytes: 100_000,
      shared: new SharedAnswers({
        cache: cacheService,
        logger: options.logger ?? mockServices.logger.mock(),
        maxAgeMs: MAX_AGE_MS,
        wallNow: clock.now,
      }),
    }),
  );
  app.get('/entities/by-name/:kind/:namespace/:name', (req, res) => {
    catalog.calls += 1;
    res.json({ name: req.params.name, revision: catalog.revision });
  });
  app.post('/locations', (_req, res) => {
    catalog.revision += 1;
    res.status(201).json({});
  });
  return app;
}

async function read(app: express.Express) {
  const res = await request(app).get('/entities/by-name/component/default/a');
  expect(res.status).toBe(200);
  return { how: res.headers[READ_CACHE_HEADER], revision: res.body.revision };
}

describeWithRedis('the read cache shared by two replicas through Redis', () => {
  let namespace: string;
  let store: CacheService;
  let catalog: TestCatalog;
  let clock: TestClock;

  beforeEach(() => {
    namespace = `read-cache-test-${randomUUID()}`;
    store = redisCacheService(namespace);
    catalog = new TestCatalog();
    clock = new TestClock();
  });

  /** Waits until A's miss is in Redis: it is written after the answer went out. */
  async function untilShared() {
    const probe = new SharedAnswers({
      cache: store,
      logger: mockServices.logger.mock(),
      maxAgeMs: MAX_AGE_MS,
      wallNow: clock.now,
    });
    const key = cacheKeyOf({
      method: 'GET',
      path: '/entities/by-name/component/default/a',
      search: '',
    });
    for (let i = 0; i < 100; i += 1) {
      const generation = await probe.generation();
      if (
        generation !== undefined &&
        (await probe.get(generation, key, MAX_AGE_MS))
      ) {
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    throw new Error('the answer never reached Redis');
  }

  afterEach(async () => {
    // Answers expire by themselves (TTL at most maxAge); the generation not soon.
    await store.delete('read-cache:v1:generation');
  });

  it('serves on B the answer A fetched, without asking the catalog again', async () => {
    const a = replica({ catalog, cacheService: store, clock });
    const b = replica({
      catalog,
      cacheService: redisCacheService(namespace),
      clock,
    });
    expect(await read(a)).toEqual({ how: 'miss', revision: 1 });
    await untilShared();
    expect(await read(b)).toEqual({ how: 'shared', revision: 1 });
    expect(catalog.calls).toBe(1);
    // B keeps it too: the next read does not even go to Redis.
    expect(await read(b)).toEqual({ how: 'hit', revision: 1 });
    expect(catalog.calls).toBe(1);
  });

  it('empties every replica when a write goes through any of them', async () => {
    const a = replica({ catalog, cacheService: store, clock });
    const b = replica({
      catalog,
      cacheService: redisCacheService(namespace),
      clock,
    });
    expect(await read(a)).toEqual({ how: 'miss', revision: 1 });
    expect(await read(a)).toEqual({ how: 'hit', revision: 1 });
    await untilShared();
    expect(await read(b)).toEqual({ how: 'shared', revision: 1 });

    expect((await request(b).post('/locations').send({})).status).toBe(201);

    // A has the old answer in memory and in Redis: it must use neither.
    expect(await read(a)).toEqual({ how: 'miss', revision: 2 });
    expect(catalog.calls).toBe(2);
    await untilShared();
    expect(await read(b)).toEqual({ how: 'shared', revision: 2 });
    expect(await read(b)).toEqual({ how: 'hit', revision: 2 });
  });

  it('serves nothing past maxAge on either replica, counted from when A began', async () => {
    const a = replica({ catalog, cacheService: store, clock });
    const b = replica({
      catalog,
      cacheService: redisCacheService(namespace),
      clock,
    });
    expect(await read(a)).toEqual({ how: 'miss', revision: 1 });
    // Processing changed the entity: no write went through the portal.
    catalog.revision = 2;
    clock.advance(MAX_AGE_MS - 1);
    await untilShared();
    expect(await read(b)).toEqual({ how: 'shared', revision: 1 });

    // Redis still holds A's answer (its TTL runs on the real clock), and B
    // keeps it in memory: neither may serve it now.
    clock.advance(1);
    expect(await read(b)).toEqual({ how: 'miss', revision: 2 });
    expect((await read(a)).revision).toBe(2);
  });

  it('lets Redis expire an answer at maxAge, whatever a replica clock says', async () => {
    const maxAgeMs = 300;
    const writer = new SharedAnswers({
      cache: store,
      logger: mockServices.logger.mock(),
      maxAgeMs,
    });
    // A reader whose clock stands still would trust the answer for ever.
    const frozen = Date.now();
    const reader = new SharedAnswers({
      cache: redisCacheService(namespace),
      logger: mockServices.logger.mock(),
      maxAgeMs,
      wallNow: () => frozen,
    });
    const answer = { body: Buffer.from('{"a":1}'), headers: [] };
    // Ages come from performance.now(), in fractions of a millisecond.
    await writer.put('g', 'k', answer, 100.25);
    expect((await reader.get('g', 'k', maxAgeMs))?.answer.body).toEqual(
      answer.body,
    );
    await new Promise(resolve => setTimeout(resolve, 250));
    expect(await reader.get('g', 'k', maxAgeMs)).toBeUndefined();
  });
});

describe('the read cache when the shared store is down', () => {
  it('answers from its own cache, and logs the outage once without the password', async () => {
    const warnings: string[] = [];
    const logger = mockServices.logger.mock({
      warn: message => {
        warnings.push(String(message));
      },
    });
    const catalog = new TestCatalog();
    const clock = new TestClock();
    // Nothing listens on port 1.
    const down = redisCacheService(
      `read-cache-test-${randomUUID()}`,
      'redis://:s3cret-token@127.0.0.1:1',
    );
    const a = replica({ catalog, cacheService: down, clock, logger });
    expect(await read(a)).toEqual({ how: 'miss', revision: 1 });
    expect(await read(a)).toEqual({ how: 'hit', revision: 1 });
    expect((await request(a).post('/locations').send({})).status).toBe(201);
    expect(await read(a)).toEqual({ how: 'miss', revision: 2 });
    expect(catalog.calls).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('shared cache store failed');
    expect(warnings[0]).not.toContain('s3cret');
  });

  it('reads the generation with one lookup at a time, sent after the caller asked', async () => {
    let generation = 'g1';
    const sent: Array<() => void> = [];
    const store = mockServices.cache.mock({
      get: (async () => {
        const value = generation;
        await new Promise<void>(resolve => sent.push(resolve));
        return value;
      }) as CacheService['get'],
    });
    const shared = new SharedAnswers({
      cache: store,
      logger: mockServices.logger.mock(),
      maxAgeMs: MAX_AGE_MS,
    });
    const first = shared.generation();
    generation = 'g2'; // a write lands while the first lookup is on its way
    const later = Array.from({ length: 5 }, () => shared.generation());
    expect(sent).toHaveLength(1);
    sent.shift()!();
    expect(await first).toBe('g1');
    await new Promise(resolve => setImmediate(resolve));
    expect(sent).toHaveLength(1);
    sent.shift()!();
    expect(await Promise.all(later)).toEqual(Array(5).fill('g2'));
  });

  it('goes on with the generation it read for followWithin, and with its own write at once', async () => {
    let stored = 'g1';
    let lookups = 0;
    const clock = new TestClock();
    const store = mockServices.cache.mock({
      get: (async () => {
        lookups += 1;
        return stored;
      }) as CacheService['get'],
      set: (async (_key: string, value: string) => {
        stored = value;
      }) as CacheService['set'],
    });
    const shared = new SharedAnswers({
      cache: store,
      logger: mockServices.logger.mock(),
      maxAgeMs: MAX_AGE_MS,
      followWithinMs: 100,
      wallNow: clock.now,
    });
    expect(await shared.generation()).toBe('g1');
    stored = 'g2'; // a write through another replica
    clock.advance(99);
    expect(await shared.generation()).toBe('g1');
    expect(lookups).toBe(1);
    clock.advance(1);
    expect(await shared.generation()).toBe('g2');
    expect(lookups).toBe(2);

    await shared.renew(); // a write through this replica
    expect(await shared.generation()).toBe(stored);
    expect(stored).not.toBe('g2');
    expect(lookups).toBe(2);
  });

  it('takes user and password out of URLs in what it logs', () => {
    expect(
      withoutCredentials(
        'Error: connect to rediss://default:p4ss@redis.internal:6379 failed',
      ),
    ).toBe('Error: connect to rediss://***@redis.internal:6379 failed');
  });
});
