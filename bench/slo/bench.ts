/* eslint-disable no-console */
// Two figures for the SLO plugin (run with bench/slo/run.sh):
//  1. GET /summary (the org page's API) over 1,000 SLOs from the store:
//     latency percentiles through the real router on SQLite, or PostgreSQL
//     when BENCH_PG is set.
//  2. Prometheus queries per evaluation round for those 1,000 SLOs: the
//     batched source against asking once per SLO, both against a real
//     Prometheus backfilled by promtool.
import { mockServices } from '@backstage/backend-test-utils';
import { evaluateSlo, ResolvedSlo } from '@gogidix/plugin-slo-common';
import express from 'express';
import knexFactory from 'knex';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSloStore } from '../../plugins/slo-backend/src/database/DatabaseSloStore';
import { generateDemoObservations } from '../../plugins/slo-backend/src/demo/demoObservations';
import { formatObservations } from '../../plugins/slo-backend/src/service/openMetrics';
import { PrometheusSliSource } from '../../plugins/slo-backend/src/service/PrometheusSliSource';
import { createRouter } from '../../plugins/slo-backend/src/service/router';
import { SloLinks } from '../../plugins/slo-backend/src/service/links';
import { SloService } from '../../plugins/slo-backend/src/service/SloService';

const SLOS = 1000;
const REQUESTS = 200;
const PROMETHEUS_PORT = 7292;
const teams = [
  'listings',
  'payments',
  'search',
  'platform',
  'ai',
  'web',
  'sre',
  'data',
];

function slo(i: number): ResolvedSlo {
  const service = `service-${String(Math.floor(i / 2)).padStart(4, '0')}`;
  const name = i % 2 === 0 ? 'availability' : 'latency';
  const id = `${service}-${name}`;
  return {
    id,
    name,
    displayName: name,
    service,
    source: 'bench',
    indicatorName: id,
    indicator: {
      kind: 'ratio',
      good: `sum(rate(slo_good_events_total{slo_id="${id}"}[{{.window}}]))`,
      total: `sum(rate(slo_events_total{slo_id="${id}"}[{{.window}}]))`,
    },
    target: i % 2 === 0 ? 0.999 : 0.99,
    timeWindow: { kind: 'rolling', duration: '30d', seconds: 30 * 86400 },
    budgetingMethod: 'Occurrences',
    runbook: `slo-${name}-burn`,
    alertPolicies: [],
    labels: {},
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function benchSummary(slos: ResolvedSlo[]) {
  const pg = process.env.BENCH_PG;
  const dir = mkdtempSync(join(tmpdir(), 'slo-bench-'));
  const knex = pg
    ? knexFactory({ client: 'pg', connection: pg })
    : knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'slo.sqlite') },
        useNullAsDefault: true,
      });
  if (pg) {
    await knex.raw(
      'DROP TABLE IF EXISTS slo_observations, slo_daily, slo_snapshots, slo_definitions, knex_migrations, knex_migrations_lock',
    );
  }
  const store = await DatabaseSloStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  await store.replaceDefinitions(
    [...new Set(slos.map(s => `component:default/${s.service}`))],
    slos.map((s, i) => ({
      slo: s,
      entityRef: `component:default/${s.service}`,
      owner: `group:default/${teams[i % teams.length]}`,
      system: `system-${i % 12}`,
      tier: `tier-${i % 3}`,
    })),
  );
  // 90 days of one evaluation a day per SLO: the trend's rows, the latest row.
  const today = Date.UTC(2026, 10, 20, 12);
  for (let day = 89; day >= 0; day--) {
    const at = new Date(today - day * 86400_000);
    await store.recordEvaluations(
      slos.map((s, i) => {
        const r =
          (((i * 7919 + day * 104729) % 1000) / 1000) * (1 - s.target) * 1.5;
        return evaluateSlo(
          s,
          {
            period: r,
            '5m': r,
            '30m': r,
            '1h': r,
            '2h': r,
            '6h': r,
            '1d': r,
            '3d': r,
          },
          at,
        );
      }),
    );
  }
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    service: {} as SloService, // /summary reads the store only
    store,
    links: new SloLinks('http://localhost:3000'),
    now: () => new Date(today),
  });
  // Where the time goes: the two store reads behind /summary.
  const parts = { listSlos: [] as number[], trend: [] as number[] };
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    await store.listSlos({});
    parts.listSlos.push(performance.now() - t);
    t = performance.now();
    await store.dailyStatusCounts({}, new Date(today - 90 * 86400_000));
    parts.trend.push(performance.now() - t);
  }
  const median = (xs: number[]) =>
    xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const server = express().use(router).listen(0);
  const { port } = server.address() as AddressInfo;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 10; i++) {
    const start = process.hrtime.bigint();
    const res = await fetch(`http://127.0.0.1:${port}/summary`);
    const body = await res.text();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!res.ok)
      throw new Error(`GET /summary: ${res.status} ${body.slice(0, 200)}`);
    if (i >= 10) times.push(ms); // the first requests warm up the JIT
    bytes = body.length;
  }
  server.close();
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  console.log(
    `GET /summary, ${SLOS} SLOs, 90 days of trend, ${
      pg ? 'PostgreSQL' : 'SQLite'
    }, ${REQUESTS} requests, ${(bytes / 1024).toFixed(0)} KiB each:`,
  );
  console.log(
    `  p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(
      times,
      95,
    ).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
  );
  console.log(
    `  store reads (median of 30): listSlos ${median(parts.listSlos).toFixed(
      1,
    )} ms, daily trend ${median(parts.trend).toFixed(1)} ms`,
  );
}

async function benchQueries(slos: ResolvedSlo[]) {
  const dir = mkdtempSync(join(tmpdir(), 'slo-bench-prom-'));
  const end = Math.floor(Date.now() / 1000 / 3600) * 3600 - 3600;
  writeFileSync(
    join(dir, 'history.om'),
    formatObservations(
      generateDemoObservations(slos, {
        from: end - 3 * 86400,
        to: end,
        stepSeconds: 300,
      }),
    ),
  );
  writeFileSync(
    join(dir, 'prometheus.yml'),
    'global:\n  scrape_interval: 1m\n',
  );
  execFileSync(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=240h',
      join(dir, 'history.om'),
      join(dir, 'data'),
    ],
    { stdio: 'ignore' },
  );
  const prometheus = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=90d',
      `--web.listen-address=127.0.0.1:${PROMETHEUS_PORT}`,
    ],
    { stdio: 'ignore' },
  );
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PROMETHEUS_PORT}/-/ready`)).ok)
          break;
      } catch {
        // starting
      }
      if (i > 120) throw new Error('prometheus did not start');
      await new Promise(r => setTimeout(r, 500));
    }
    let queries = 0;
    const source = new PrometheusSliSource({
      baseUrl: `http://127.0.0.1:${PROMETHEUS_PORT}`,
      timeoutMs: 300_000,
      fetch: (input, init) => {
        queries++;
        return fetch(input, init);
      },
    });
    const at = new Date(end * 1000);
    let start = Date.now();
    const batched = await source.errorRatios(slos, at);
    const batchedMs = Date.now() - start;
    const batchedQueries = queries;
    const measured = [...batched.values()].filter(
      r => typeof r['1h'] === 'number',
    ).length;

    queries = 0;
    start = Date.now();
    for (const s of slos) await source.errorRatios([s], at);
    const perSloMs = Date.now() - start;
    console.log(
      `Prometheus queries per evaluation round, ${SLOS} SLOs (8 windows: 7 burn-rate + 30d period):`,
    );
    console.log(
      `  batched: ${batchedQueries} queries, ${batchedMs} ms (${measured} SLOs with a 1h value)`,
    );
    console.log(
      `  one query per SLO and window: ${queries} queries, ${perSloMs} ms`,
    );
  } finally {
    prometheus.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const slos = Array.from({ length: SLOS }, (_, i) => slo(i));
  // BENCH_PART=summary or =queries runs one half.
  const part = process.env.BENCH_PART;
  if (part !== 'queries') await benchSummary(slos);
  if (part !== 'summary') await benchQueries(slos);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
