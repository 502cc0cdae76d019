/* eslint-disable no-console */
// Two figures for the SLO plugin (run with bench/slo/run.sh):
//  1. GET /summary (the org page's API) over 1,000 SLOs of 80 teams from
//     the store, as signed-in users (one who may see every team, a team's
//     manager), one at a time and 10 concurrent: latency percentiles through
//     the real router on SQLite, or PostgreSQL when BENCH_PG is set, with
//     the permission backend's round trip stood in for by a fixed delay.
//  2. Prometheus queries per evaluation round for those 1,000 SLOs: the
//     batched source against asking once per SLO, both against a real
//     Prometheus backfilled by promtool.
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { evaluateSlo, ResolvedSlo } from '@gogidix/plugin-slo-common';
import express from 'express';
import knexFactory from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSloStore } from '../../plugins/slo-backend/src/database/DatabaseSloStore';
import { DeployGate } from '../../plugins/slo-backend/src/service/DeployGate';
import { createRouter } from '../../plugins/slo-backend/src/service/router';
import { SloLinks } from '../../plugins/slo-backend/src/service/links';
import { SloService } from '../../plugins/slo-backend/src/service/SloService';
import { benchQueries } from './queries';

const SLOS = 1000;
const REQUESTS = 200;
const CONCURRENCY = 10;
// As the perf workload: 1,000 SLOs over ~80 teams.
const TEAMS = 80;
const teams = Array.from(
  { length: TEAMS },
  (_, i) => `team-${String(i).padStart(2, '0')}`,
);
// What one batch of permission checks costs a user's request in the portal:
// an HTTP round trip to the permission backend, whose policy answers team
// roles with catalog conditions that the catalog then applies to each team.
// A stated assumption, not a measurement; set BENCH_PERMISSION_MS to vary it.
const PERMISSION_MS = Number(process.env.BENCH_PERMISSION_MS ?? 100);
const ADMIN = 'user:default/bench-admin';
const MANAGER = 'user:default/bench-manager'; // manages team-07

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
  let permissionCalls = 0;
  // Plain functions: mockServices.permissions.mock needs jest.
  const permissions = {
    authorize: async (
      requests: AuthorizePermissionRequest[],
      options: { credentials: BackstageCredentials },
    ) => {
      permissionCalls++;
      const { userEntityRef } = options.credentials.principal as {
        userEntityRef: string;
      };
      await new Promise(r => setTimeout(r, PERMISSION_MS));
      return requests.map(r => ({
        result:
          !userEntityRef.startsWith(MANAGER) ||
          ('resourceRef' in r && r.resourceRef === 'group:default/team-07')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
  } as unknown as PermissionsService;
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions,
    service: {} as SloService, // /summary reads the store only
    store,
    links: new SloLinks('http://localhost:3000'),
    gate: {} as DeployGate, // the bench does not ask the deploy gate
    auditor: mockServices.auditor.mock(),
    now: () => new Date(today),
  });
  // Where the time goes: the store reads behind /summary.
  const parts = {
    listSlos: [] as number[],
    listOwners: [] as number[],
    trend: [] as number[],
  };
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    await store.listOwners();
    parts.listOwners.push(performance.now() - t);
    t = performance.now();
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
  let bytes = 0;
  const call = async (user: string) => {
    const begin = process.hrtime.bigint();
    const res = await fetch(`http://127.0.0.1:${port}/summary`, {
      headers: { Authorization: mockCredentials.user.header(user) },
    });
    const body = await res.text();
    if (!res.ok)
      throw new Error(`GET /summary: ${res.status} ${body.slice(0, 200)}`);
    bytes = body.length;
    return Number(process.hrtime.bigint() - begin) / 1e6;
  };
  /** `requests` calls, `concurrency` at a time, by `userOf(i)`. */
  const run = async (
    requests: number,
    concurrency: number,
    userOf: (i: number) => string,
  ) => {
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) times.push(await call(userOf(next++)));
      }),
    );
    return times.sort((a, b) => a - b);
  };
  const line = (label: string, times: number[]) =>
    console.log(
      `  ${label}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(
        times,
        95,
      ).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (${
        times.length
      } calls, ${(bytes / 1024).toFixed(0)} KiB each)`,
    );
  console.log(
    `GET /summary as a signed-in user, ${SLOS} SLOs over ${TEAMS} teams, 90 days of trend, ${
      pg ? 'PostgreSQL' : 'SQLite'
    }, ${PERMISSION_MS} ms per permission batch:`,
  );
  line('first call, cold', await run(1, 1, () => ADMIN));
  await run(10, 1, () => ADMIN); // the first requests warm up the JIT
  for (const [who, user] of [
    ['user who may see every team', ADMIN],
    ['manager of one team', MANAGER],
  ] as const) {
    line(`${who}, one at a time`, await run(REQUESTS / 4, 1, () => user));
    line(
      `${who}, ${CONCURRENCY} concurrent`,
      await run(REQUESTS, CONCURRENCY, () => user),
    );
    // Each call by a user not seen before: every one asks the policy.
    line(
      `${who}, ${CONCURRENCY} concurrent, a new user each call`,
      await run(REQUESTS, CONCURRENCY, i => `${user}-${i}-${Math.random()}`),
    );
  }
  console.log(`  permission batches asked: ${permissionCalls}`);
  server.close();
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `  store reads (median of 30): listSlos ${median(parts.listSlos).toFixed(
      1,
    )} ms, listOwners ${median(parts.listOwners).toFixed(
      1,
    )} ms, daily trend ${median(parts.trend).toFixed(1)} ms`,
  );
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
