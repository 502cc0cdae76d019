/**
 * Cost benchmark: ingest of a FOCUS export into PostgreSQL through the
 * plugin's streaming import, the same file through a raw PostgreSQL COPY,
 * and the latency of the team page's API call on the loaded data.
 *
 * Run from the repository root: bench/cost/run.sh [rows]
 *
 * Perf-workload mode: bench/cost/run.sh --perf <workload dir> imports the
 * workload's FOCUS files (cost/*.csv) into a kept database `pcost_bench`
 * (imported once, reused by later runs; --fresh drops it first), builds the
 * attribution index from the workload's catalog (catalog/**.yaml) and times
 * the cost page's and the team page's service calls (overview and savings),
 * one after the other and 10 at a time. The HTTP layer and the permission
 * checks are not included: bench/perf measures those. BENCH_RUNS (default
 * 20) sets the calls per measurement; 0 times the first call only.
 * BENCH_CACHE=0 turns the service's result cache off.
 */
import { createReadStream, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { CostAttributionIndex } from '@gogidix/plugin-cost-common';
import { DatabaseCostStore } from '../../plugins/cost-backend/src/database/DatabaseCostStore';
import { importFocusCsv } from '../../plugins/cost-backend/src/service/focusImport';
import { CostService } from '../../plugins/cost-backend/src/service/CostService';
import { costIndexOf } from '../../plugins/cost-backend/src/service/catalogIndex';
import { demoCatalogEntities } from '../../plugins/cost-backend/src/__testUtils__/catalog';
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { Entity } from '@backstage/catalog-model';
import { END, writeFocusFile } from './focusFile';

const PERF = process.argv[2] === '--perf' ? process.argv[3] : undefined;
const FRESH = process.argv.includes('--fresh');
const ROWS = PERF ? 0 : Number(process.argv[2] ?? 1_000_000);
const PG = process.env.PORTAL_TEST_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const QUERY_RUNS = Number(process.env.BENCH_RUNS ?? 20);

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory()
      ? yamlFiles(path.join(dir, d.name))
      : d.name.endsWith('.yaml')
      ? [path.join(dir, d.name)]
      : [],
  );
}

function workloadIndex(dir: string): CostAttributionIndex {
  const entities = yamlFiles(path.join(dir, 'catalog')).flatMap(
    f => yaml.loadAll(readFileSync(f, 'utf8')) as Entity[],
  );
  // The same index the plugin builds from the catalog.
  return costIndexOf(
    entities.filter(e => e?.kind),
    [],
  );
}

async function timeCalls(
  label: string,
  call: () => Promise<unknown>,
  concurrency: number,
) {
  const times: number[] = [];
  const worker = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      await call();
      times.push(performance.now() - start);
    }
  };
  const perWorker = Math.ceil(QUERY_RUNS / concurrency);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, () => worker(perWorker)),
  );
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  console.log(
    `${label}, ${concurrency} at a time: P50 ${percentile(times, 50).toFixed(
      0,
    )} ms, P95 ${percentile(times, 95).toFixed(0)} ms, max ${times[
      times.length - 1
    ].toFixed(0)} ms over ${times.length} calls (${(
      (times.length / wall) *
      1000
    ).toFixed(1)} calls/s)`,
  );
}

async function perf(dir: string) {
  const database = 'pcost_bench';
  const admin = knexFactory({ client: 'pg', connection: PG });
  if (FRESH) await admin.raw(`DROP DATABASE IF EXISTS ${database}`);
  const exists = await admin.raw(
    `SELECT 1 FROM pg_database WHERE datname = ?`,
    [database],
  );
  if (exists.rows.length === 0) await admin.raw(`CREATE DATABASE ${database}`);
  await admin.destroy();
  const db: Knex = knexFactory({
    client: 'pg',
    connection: `${PG.replace(/\/$/, '')}/${database}`,
    pool: { min: 1, max: 10 },
  });
  try {
    const store = await DatabaseCostStore.create({
      database: { getClient: async () => db },
    });
    if ((await store.listImports()).length === 0) {
      for (const f of readdirSync(path.join(dir, 'cost')).sort()) {
        const t = Date.now();
        const result = await importFocusCsv(
          store,
          createReadStream(path.join(dir, 'cost', f)),
          { gzip: false, source: f },
        );
        console.log(
          `Imported ${f}: ${result.rows} rows in ${(
            (Date.now() - t) /
            1000
          ).toFixed(1)} s`,
        );
      }
    }
    const index = workloadIndex(dir);
    const latest = (await store.latestChargeDate())!;
    const team = index.components[0].team;
    console.log(
      `Catalog: ${index.teams.length} teams; latest charge ${latest}; team ${team}`,
    );
    const service = new CostService(
      store,
      { index: async () => index },
      { budgets: { [team]: 9000 } },
      () => latest,
      // BENCH_CACHE=0 times every call's full computation.
      process.env.BENCH_CACHE === '0' ? { cacheMaxAgeMs: -1 } : {},
    );
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['overview?days=30', () => service.overview({ days: 30 })],
      [
        `overview?days=30&team=${team}`,
        () => service.overview({ days: 30, team }),
      ],
      ['savings', () => service.savings({})],
      [`savings?team=${team}`, () => service.savings({ team })],
    ];
    for (const [label, call] of calls) {
      const t = performance.now();
      await call();
      console.log(
        `${label}, first call: ${(performance.now() - t).toFixed(0)} ms`,
      );
      if (QUERY_RUNS > 0) {
        await timeCalls(label, call, 1);
        await timeCalls(label, call, 10);
      }
    }
  } finally {
    await db.destroy();
  }
}

async function main() {
  if (PERF) {
    await perf(path.resolve(PERF));
    return;
  }
  const dir = path.resolve(__dirname, '../../.data/bench/cost');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `focus-${ROWS}.csv`);
  let t = Date.now();
  await writeFocusFile(file, ROWS);
  console.log(
    `Generated ${ROWS} FOCUS rows (${(statSync(file).size / 1e6).toFixed(
      0,
    )} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );

  const database = `cost_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: PG });
  await admin.raw(`CREATE DATABASE ${database}`);
  const url = `${PG.replace(/\/$/, '')}/${database}`;
  const db: Knex = knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 1, max: 5 },
  });
  try {
    const store = await DatabaseCostStore.create({
      database: { getClient: async () => db },
    });

    t = Date.now();
    const result = await importFocusCsv(store, createReadStream(file), {
      gzip: false,
      source: 'bench',
    });
    const importSeconds = (Date.now() - t) / 1000;
    const importRate = result.rows / importSeconds;
    console.log(
      `Import:  ${result.rows} rows in ${importSeconds.toFixed(
        1,
      )} s = ${Math.round(importRate)} rows/s`,
    );

    // The same file through COPY into a table typed like the file.
    await db.raw(`CREATE TABLE focus_copy (
      billing_account_id text, billing_account_name text, billing_currency text,
      billing_period_start timestamptz, billing_period_end timestamptz,
      charge_period_start timestamptz, charge_period_end timestamptz,
      charge_category text, service_category text, service_name text,
      resource_id text, resource_name text, list_cost numeric, billed_cost numeric,
      effective_cost numeric, tags jsonb)`);
    t = Date.now();
    execFileSync('psql', [
      url,
      '-q',
      '-c',
      `\\copy focus_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ]);
    const copySeconds = (Date.now() - t) / 1000;
    const copyRate = ROWS / copySeconds;
    console.log(
      `COPY:    ${ROWS} rows in ${copySeconds.toFixed(1)} s = ${Math.round(
        copyRate,
      )} rows/s`,
    );
    console.log(
      `Import takes ${(importSeconds / copySeconds).toFixed(
        2,
      )}x as long as COPY`,
    );

    const index = costIndexOf(demoCatalogEntities(), []);
    const service = new CostService(
      store,
      { index: async () => index },
      { budgets: { 'group:default/ai': 9000 } },
      () => END,
    );
    for (const [label, team] of [
      ['team (ai)', 'ai'],
      ['organisation', undefined],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < QUERY_RUNS; i++) {
        t = performance.now();
        await service.overview({ days: 30, team });
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(
        `Overview, 30 days, ${label}: P50 ${percentile(times, 50).toFixed(
          0,
        )} ms, P95 ${percentile(times, 95).toFixed(
          0,
        )} ms over ${QUERY_RUNS} calls`,
      );
    }
  } finally {
    await db.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${database}`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
