// The replicas phase: the portal as the Helm chart's HA profile runs it,
// two backends on the same databases sharing Backstage's cache service
// through Redis, under the same catalog reads as the single portal.
import { READ_CACHE_HEADER } from '@gogidix/plugin-catalog-backend-module-read-cache';
import { ChildProcess, spawnSync } from 'node:child_process';
import path from 'node:path';
import { e2e } from '../../../e2e/support/environment';
import { stop } from '../../../e2e/support/portal';
import { options, System } from '../options';
import { WorkloadManifest } from '../workload/generate';
import { catalogRequests, LoadResults } from './catalogReads';
import { LoadRun, runCells, runLoadOn } from './load';
import { mib, MemoryReading, readMemory } from './memory';
import { printTable, ratio } from './report';
import { median } from './stats';
import { perfDir, startPortalBackend } from './portal';
import { portalUserToken } from './userToken';

/** The load of the single portal's 50-connection reads. */
export const REPLICA_CONNECTIONS = 50;

export interface ReplicaResults {
  /**
   * Per catalog request, `runs` rounds of: the 50 connections on one
   * replica while the other idles, then split 25 and 25 over both.
   */
  results: Map<string, { one: LoadRun[]; two: LoadRun[] }>;
  /** What replica B said of a read replica A had just answered. */
  sharedProbe: string;
  /** Each replica's memory at the end of the phase. */
  memory: Array<MemoryReading | undefined>;
}

/**
 * Replaces the portal's single backend with two replicas on its databases
 * (the second on `PERF_REPLICA_PORT`), both with the cache service on the
 * Redis at `PERF_REDIS_URL` (default 127.0.0.1:6379, under a key
 * namespace of this run), and measures the catalog reads on one replica
 * and on both. The replicas stay in `portal.children` for the clean-up.
 */
export async function measureReplicas(
  portal: System,
  workload: WorkloadManifest,
  token: string,
  runId: number,
): Promise<ReplicaResults> {
  const single = portal.backend!;
  await stop(single);
  portal.children = portal.children.filter(child => child !== single);
  portal.backend = undefined;

  const namespace = `gogidix-perf-${runId}`;
  const redisUrl = process.env.PERF_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const replicas = [
    { name: 'perf-portal-a', port: options.portalPort },
    { name: 'perf-portal-b', port: options.replicaPort },
  ];
  const backends: ChildProcess[] = [];
  try {
    for (const replica of replicas) {
      const backend = await startPortalBackend({
        ...replica,
        databasePrefix: portal.databasePrefix,
        token,
        configFiles: [
          ...portal.configFiles!,
          path.join(perfDir, 'app-config.replicas.yaml'),
        ],
        env: { PERF_REDIS_URL: redisUrl, PERF_REDIS_NAMESPACE: namespace },
      });
      backends.push(backend);
      portal.children.push(backend);
    }
    portal.backend = backends[0];
    const urls = replicas.map(r => `http://localhost:${r.port}`);
    const userToken = await portalUserToken(urls[0], e2e.user.login);
    const requests = catalogRequests(workload);
    const sharedProbe = await probeSharing(urls, userToken, requests[0].path);
    console.error(`  replicas: ${sharedProbe}`);

    const results: ReplicaResults['results'] = new Map();
    for (const request of requests) {
      const entry = { one: [] as LoadRun[], two: [] as LoadRun[] };
      results.set(request.name, entry);
      for (let round = 1; round <= options.runs; round++) {
        const one = await runLoadOn(
          [
            {
              baseUrl: urls[0],
              token: userToken,
              connections: REPLICA_CONNECTIONS,
            },
          ],
          request,
          options.seconds,
        );
        const two = await runLoadOn(
          urls.map(baseUrl => ({
            baseUrl,
            token: userToken,
            connections: REPLICA_CONNECTIONS / urls.length,
          })),
          request,
          options.seconds,
        );
        entry.one.push(one);
        entry.two.push(two);
        for (const [label, run] of [
          ['one replica', one],
          ['two replicas', two],
        ] as const) {
          console.error(
            `  ${
              request.name
            } @${REPLICA_CONNECTIONS} ${label} round ${round}: ${Math.round(
              run.requestsPerSecond,
            )} req/s, P50 ${run.p50} ms, P99 ${run.p99} ms, ${
              run.errors
            } errors`,
          );
        }
      }
    }
    return {
      results,
      sharedProbe,
      memory: backends.map(b => readMemory(b.pid)),
    };
  } finally {
    forgetNamespace(redisUrl, namespace);
  }
}

/**
 * Replica A answers a read twice (the first keeps it in the shared tier),
 * then replica B answers it: B says `shared` when it served A's answer
 * from Redis instead of asking the catalog.
 */
async function probeSharing(
  urls: string[],
  token: string,
  requestPath: string,
): Promise<string> {
  const read = async (baseUrl: string) => {
    const response = await fetch(`${baseUrl}${requestPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(
        `${baseUrl}${requestPath}: ${response.status} ${response.statusText}`,
      );
    }
    return response.headers.get(READ_CACHE_HEADER) ?? 'no header';
  };
  const a = [await read(urls[0]), await read(urls[0])];
  const b = await read(urls[1]);
  return `A answered ${a.join(', then ')}; B then answered ${b}${
    b === 'shared' ? ' (served from Redis, no catalog call)' : ''
  }`;
}

/** Deletes the run's keys from Redis; the cached answers expire anyway. */
function forgetNamespace(redisUrl: string, namespace: string) {
  const keys = spawnSync(
    'redis-cli',
    ['-u', redisUrl, '--scan', '--pattern', `${namespace}:*`],
    { encoding: 'utf8' },
  );
  const names = keys.stdout?.split('\n').filter(Boolean) ?? [];
  for (let i = 0; i < names.length; i += 500) {
    spawnSync('redis-cli', ['-u', redisUrl, 'del', ...names.slice(i, i + 500)]);
  }
}

/**
 * Prints the phase; returns entity by name on two replicas (median req/s
 * and P99) for the targets. Ratios are two replicas over one, and over the
 * single portal of the catalog reads (its cache in memory, no Redis).
 */
export function printReplicas(
  replicas: ReplicaResults,
  catalog: LoadResults | undefined,
): { rps: number; p99: number } {
  console.log(
    `\n## Two portal replicas on one database, cache service on Redis (the Helm chart's HA profile); ${REPLICA_CONNECTIONS} connections, split evenly over the replicas\n`,
  );
  console.log(`Sharing: ${replicas.sharedProbe}\n`);
  const rps = (runs: LoadRun[]) => median(runs.map(r => r.requestsPerSecond));
  const p99 = (runs: LoadRun[]) => median(runs.map(r => r.p99));
  const rows = [
    [
      'request',
      'replicas',
      'req/s',
      'P50 ms',
      'P99 ms',
      'errors',
      'req/s vs one',
      'P99 vs one',
      'req/s vs single portal',
    ],
  ];
  for (const [name, { one, two }] of replicas.results) {
    const single = catalog?.get(`${name} @${REPLICA_CONNECTIONS}`)?.portal;
    for (const [label, runs] of [
      ['one', one],
      ['two', two],
    ] as const) {
      rows.push([
        name,
        label,
        ...runCells(runs),
        label === 'two' ? ratio(rps(two), rps(one)) : '',
        label === 'two' ? ratio(p99(two), p99(one)) : '',
        single?.length ? ratio(rps(runs), rps(single)) : 'n/a',
      ]);
    }
  }
  printTable(rows);
  console.log(
    `\nReplicas' memory at the end (MiB, resident and most held): ${replicas.memory
      .map((m, i) =>
        m ? `${'AB'[i]} ${mib(m.rssBytes)} / ${mib(m.peakBytes)}` : 'n/a',
      )
      .join(', ')}`,
  );
  const byName = replicas.results.get('entity by name')!.two;
  return { rps: rps(byName), p99: p99(byName) };
}
