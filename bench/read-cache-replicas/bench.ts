/* eslint-disable no-console */
// Two replicas of the catalog read cache behind one load balancer
// (bench/read-cache-replicas/run.sh). Each replica is the real middleware
// (CatalogReadCache, ReadDecisions, SharedAnswers) in front of a stand-in
// catalog that takes BENCH_CATALOG_MS per answer; reads go to the replicas
// in turn, as a Kubernetes Service spreads them, and a write goes through
// replica b every BENCH_WRITE_EVERY_MS. One side keeps today's per-replica
// caches, the other shares through Redis; rounds of the two alternate.
import { CacheManager } from '@backstage/backend-defaults/cache';
import {
  AuditorService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { CatalogReadCache } from '../../plugins/catalog-backend-module-read-cache/src/service/CatalogReadCache';
import { ReadDecisions } from '../../plugins/catalog-backend-module-read-cache/src/service/ReadDecisions';
import {
  SharedAnswers,
  withoutCredentials,
} from '../../plugins/catalog-backend-module-read-cache/src/service/SharedAnswers';
import { median, percentile, summary } from '../perf/lib/stats';
import { createReadCacheMiddleware } from '../../plugins/catalog-backend-module-read-cache/src/service/readCacheMiddleware';

const env = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = env('BENCH_ROUNDS', 5);
const SECONDS = env('BENCH_SECONDS', 4);
const CONNECTIONS = env('BENCH_CONNECTIONS', 20);
const KEYS = env('BENCH_KEYS', 200);
const CATALOG_MS = env('BENCH_CATALOG_MS', 20);
const WRITE_EVERY_MS = env('BENCH_WRITE_EVERY_MS', 0);
const MAX_AGE_MS = env('BENCH_MAX_AGE_MS', 2_000);
// catalog.readCache.followWithin: the portal's default.
const FOLLOW_MS = env('BENCH_FOLLOW_MS', 100);

const auditor = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
} as unknown as AuditorService;

/** Warnings (the shared store failing) are printed; the rest is quiet. */
const logger: LoggerService = {
  error: message => console.error(message),
  warn: message => console.warn(message),
  info: () => {},
  debug: () => {},
  child: () => logger,
};

/** A component as the catalog returns it by name, about 1.5 kB. */
function entityBody(name: string, revision: number) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: randomUUID(),
      etag: String(revision),
      description: 'A service of the bench organisation. '.repeat(12),
      annotations: { 'backstage.io/managed-by-location': `url:${name}` },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  };
}

interface Replica {
  url: string;
  close(): Promise<void>;
}

async function startReplica(options: {
  catalog: { calls: number; revision: number };
  shared?: CacheService;
}): Promise<Replica> {
  const { catalog } = options;
  const app = express();
  app.use(
    createReadCacheMiddleware({
      cache: new CatalogReadCache({
        maxAgeMs: MAX_AGE_MS,
        maxEntries: 1_000,
        maxEntryBytes: 1024 * 1024,
        maxTotalBytes: 64 * 1024 * 1024,
      }),
      decisions: new ReadDecisions({
        auth: mockServices.auth(),
        permissions: mockServices.permissions(),
        maxAgeMs: MAX_AGE_MS,
      }),
      httpAuth: mockServices.httpAuth(),
      auditor,
      maxEntryBytes: 1024 * 1024,
      shared: options.shared
        ? new SharedAnswers({
            cache: options.shared,
            logger,
            maxAgeMs: MAX_AGE_MS,
            followWithinMs: FOLLOW_MS,
          })
        : undefined,
    }),
  );
  app.get('/entities/by-name/:kind/:namespace/:name', (req, res) => {
    catalog.calls += 1;
    setTimeout(
      () => res.json(entityBody(req.params.name, catalog.revision)),
      CATALOG_MS,
    );
  });
  app.post('/locations', (_req, res) => {
    catalog.revision += 1;
    res.status(201).json({});
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });

function send(url: string, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent }, res => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Round {
  catalogPerS: number;
  readsPerS: number;
  p50: number;
  p99: number;
}

/** One Redis client per replica, connected once for the whole run. */
const namespace = `read-cache-bench-${randomUUID()}`;
const redisStores = [
  redisCacheService(namespace),
  redisCacheService(namespace),
];

async function round(shared: boolean): Promise<Round> {
  const catalog = { calls: 0, revision: 1 };
  const stores = shared ? redisStores : [undefined, undefined];
  // A new generation: nothing a previous round kept is found.
  await redisStores[0].set('read-cache:v1:generation', randomUUID(), {
    ttl: 60_000,
  });
  const replicas = await Promise.all(
    stores.map(store => startReplica({ catalog, shared: store })),
  );
  // Warm the connections (and Redis's) so that every round starts alike.
  await Promise.all(replicas.map(r => send(`${r.url}/entities/by-query`)));
  catalog.calls = 0;

  const latencies: number[] = [];
  let turn = 0;
  const end = performance.now() + SECONDS * 1000;
  const pendingWrites: Promise<number>[] = [];
  const writes =
    WRITE_EVERY_MS > 0
      ? setInterval(
          () =>
            pendingWrites.push(send(`${replicas[1].url}/locations`, 'POST')),
          WRITE_EVERY_MS,
        )
      : undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const replica = replicas[turn++ % replicas.length];
        const name = `c-${Math.floor(Math.random() * KEYS)}`;
        const t0 = performance.now();
        const status = await send(
          `${replica.url}/entities/by-name/component/default/${name}`,
        );
        if (status !== 200) throw new Error(`read answered ${status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  clearInterval(writes);
  await Promise.all(pendingWrites);
  await Promise.all(replicas.map(r => r.close()));
  return {
    catalogPerS: catalog.calls / elapsedS,
    readsPerS: latencies.length / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function redisCacheService(prefix: string): CacheService {
  return CacheManager.fromConfig(
    new ConfigReader({
      backend: {
        cache: {
          store: 'redis',
          connection: REDIS_URL,
          redis: { client: { namespace: prefix } },
        },
      },
    }),
  ).forPlugin('catalog');
}

async function main() {
  console.log(
    `Two replicas, ${CONNECTIONS} connections, ${KEYS} entities read at random, catalog ${CATALOG_MS} ms per answer, ` +
      `a write through replica b every ${
        WRITE_EVERY_MS || 'never'
      } ms, maxAge ${MAX_AGE_MS} ms, followWithin ${FOLLOW_MS} ms; ` +
      `${ROUNDS} rounds of ${SECONDS} s per side, alternating; Redis ${withoutCredentials(
        REDIS_URL,
      )}`,
  );
  const results: Record<'alone' | 'shared', Round[]> = {
    alone: [],
    shared: [],
  };
  // Each side once unmeasured: connections, JIT, Redis's first keys.
  await round(false);
  await round(true);
  for (let i = 0; i < ROUNDS; i += 1) {
    results.alone.push(await round(false));
    results.shared.push(await round(true));
  }
  const rows: Array<[string, keyof Round, number]> = [
    ['catalog calls/s', 'catalogPerS', 1],
    ['reads/s', 'readsPerS', 0],
    ['read P50 ms', 'p50', 2],
    ['read P99 ms', 'p99', 2],
  ];
  console.log(
    '\nmedian (min-max) over rounds | per-replica caches (today) | shared through Redis | shared / today',
  );
  for (const [label, field, digits] of rows) {
    const alone = results.alone.map(r => r[field]);
    const shared = results.shared.map(r => r[field]);
    console.log(
      `${label.padEnd(16)} | ${summary(alone, digits).padStart(26)} | ${summary(
        shared,
        digits,
      ).padStart(20)} | ${(median(shared) / median(alone)).toFixed(2)}×`,
    );
  }
  await redisStores[0].delete('read-cache:v1:generation');
  agent.destroy();
  // The Redis clients of the cache service have no close: end here.
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
