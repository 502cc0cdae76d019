/* eslint-disable no-console */
// The delivery org page (issue 22), run with bench/delivery/run.sh: a year of
// events of 1,000 services in 60 teams in the delivery store (SQLite, or a
// scratch PostgreSQL database with --pg), then GET /overview's computation
// (DeliveryService.overview) for 30 and 90 days from its stored rollups,
// timed over BENCH_RUNS runs, beside the full computation it replaced and a
// naive baseline, run in the same process on the same store. See
// bench/README.md.
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  combineDelivery,
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryEvents,
  DeliveryMetrics,
  deliveryByService,
  deliveryDays,
  resolvePeriod,
} from '@gogidix/plugin-delivery-common';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { DeliveryService } from '../../plugins/delivery-backend/src/service/DeliveryService';
import { DeliveryCatalog } from '../../plugins/delivery-backend/src/service/deliveryCatalog';
import {
  NaiveFigures,
  naiveFigures,
} from '../../plugins/delivery-common/src/compute/__testUtils__/naiveDelivery';
import { minuteOf } from '../../plugins/delivery-common/src/compute/__testUtils__/deliveryHistory';
import { generateWorkload } from './workload';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
// The full computation (the page before rollups) takes seconds at 90 days.
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 5);
// A page whose rollups are all missing (a new day before a source read).
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
// The naive page takes tens of seconds: no warm-up run, and 0 leaves it out.
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 3);
const SEED = Number(process.env.BENCH_SEED ?? 22);
const PG = process.argv.includes('--pg');
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
// The page is computed "now": the end of the generated year.
const NOW_MS = Date.parse('2026-12-01T00:00:00Z');
// The span DeliveryService reads: from the previous period's start less the
// failure window and detection lookback, to the period's end plus the window.
const BEFORE_MS =
  (DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours +
    DEFAULT_DELIVERY_JUDGEMENT.detectionLookbackHours) *
  HOUR_MS;
const AFTER_MS = DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours * HOUR_MS;

type Store = DatabaseDeliveryStore;

interface OrgPage {
  org: DeliveryMetrics | Record<string, number | null>;
  teams: number;
  services: number;
  days?: number;
  /** The whole page, to check two ways agree exactly. */
  figures?: unknown;
}

const span = (days: number) => {
  const to = new Date(NOW_MS).toISOString();
  const from = new Date(NOW_MS - days * DAY_MS).toISOString();
  const readFrom = new Date(NOW_MS - 2 * days * DAY_MS - BEFORE_MS);
  const readTo = new Date(NOW_MS + AFTER_MS);
  return {
    from,
    to,
    readFrom: readFrom.toISOString(),
    readTo: readTo.toISOString(),
  };
};

/**
 * What the org page's API computed before rollups: one read of the span's
 * events for every service, each service's figures from one judgement,
 * teams and org pooled from them, the org's days.
 */
async function fullOrgPage(
  store: Store,
  teamOf: Map<string, string>,
  days: number,
  parts: Record<string, number[]>,
): Promise<OrgPage> {
  const { from, to, readFrom, readTo } = span(days);
  let t = performance.now();
  const query = { from: readFrom, to: readTo, entityRefs: [...teamOf.keys()] };
  const [deployments, incidents, alerts] = await Promise.all([
    store.deployments(query),
    store.incidents(query),
    store.alerts(query),
  ]);
  const events: DeliveryEvents = { deployments, incidents, alerts };
  parts.read.push(performance.now() - t);
  t = performance.now();
  const services = deliveryByService(events, { from, to });
  parts.services.push(performance.now() - t);
  t = performance.now();
  const teamNames = [...new Set(teamOf.values())].sort();
  const period = resolvePeriod({ from, to }).period;
  const teams = teamNames.map(team =>
    combineDelivery(
      services.filter(service => teamOf.get(service.entityRef) === team),
      period,
    ),
  );
  const org = combineDelivery(services, period);
  parts.combine.push(performance.now() - t);
  t = performance.now();
  const trend = deliveryDays(events, { from, to });
  parts.days.push(performance.now() - t);
  return {
    org,
    teams: teams.length,
    services: services.length,
    days: trend.length,
    figures: {
      org,
      teams,
      services: services.map(x => [x.entityRef, x.metrics]),
      days: trend,
    },
  };
}

/** What GET /overview computes now: DeliveryService.overview for every team. */
async function orgPage(
  service: DeliveryService,
  teamNames: string[],
  days: number,
): Promise<OrgPage> {
  const page = await service.overview({
    days,
    shown: teamNames,
    credentials: mockCredentials.user(),
  });
  return {
    org: page.org,
    teams: page.teams.length,
    services: page.services.length,
    days: page.days.length,
    figures: {
      org: page.org,
      teams: page.teams.map(t => t.metrics),
      services: page.services.map(x => [x.entityRef, x.metrics]),
      days: page.days,
    },
  };
}

/** The two ways' pages must be equal to the last digit, or the rollups are wrong. */
function checkSame(fast: OrgPage, full: OrgPage) {
  const a = JSON.stringify(fast.figures);
  const b = JSON.stringify(full.figures);
  if (a !== b) {
    let at = 0;
    while (a[at] === b[at]) at++;
    throw new Error(
      `the page from rollups differs from the full computation at character ${at}: ${a.slice(
        Math.max(0, at - 80),
        at + 80,
      )} / ${b.slice(Math.max(0, at - 80), at + 80)}`,
    );
  }
}

const sortedMedian = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const pool = (all: NaiveFigures[]): NaiveFigures => ({
  successful: all.reduce((n, f) => n + f.successful, 0),
  judged: all.reduce((n, f) => n + f.judged, 0),
  failed: all.reduce((n, f) => n + f.failed, 0),
  leadTimes: all.flatMap(f => f.leadTimes),
  restore: all.flatMap(f => f.restore),
  detect: all.flatMap(f => f.detect),
  incidents: all.reduce((n, f) => n + f.incidents, 0),
  undetected: all.reduce((n, f) => n + f.undetected, 0),
  open: all.reduce((n, f) => n + f.open, 0),
});

const naiveValues = (f: NaiveFigures, days: number) => ({
  deploymentFrequency: f.successful / days,
  leadTimeHours: sortedMedian(f.leadTimes),
  changeFailureRate: f.judged ? f.failed / f.judged : null,
  timeToRestoreMinutes: sortedMedian(f.restore),
  timeToDetectMinutes: sortedMedian(f.detect),
  incidentCount: f.incidents,
  openIncidents: f.open,
  undetectedIncidents: f.undetected,
});

/**
 * The naive way: three queries per service, and each service's figures
 * found by delivery-common's test reference (scanning minute by minute and
 * every event, each metric on its own: no shared judgement), the team and
 * org figures pooled from those. The org's days are left out (the
 * reference has none), which only flatters the baseline.
 */
async function naiveOrgPage(
  store: Store,
  teamOf: Map<string, string>,
  days: number,
): Promise<OrgPage> {
  const { from, to, readFrom, readTo } = span(days);
  const fromMin = minuteOf(from);
  const toMin = minuteOf(to);
  const settings = {
    windowMin: DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours * 60,
    skewMin: DEFAULT_DELIVERY_JUDGEMENT.clockSkewMinutes,
    lookbackMin: DEFAULT_DELIVERY_JUDGEMENT.detectionLookbackHours * 60,
  };
  const current: NaiveFigures[] = [];
  const byTeam = new Map<string, NaiveFigures[]>();
  for (const [entityRef, team] of teamOf) {
    const query = { from: readFrom, to: readTo, entityRefs: [entityRef] };
    const events = {
      deployments: await store.deployments(query),
      incidents: await store.incidents(query),
      alerts: await store.alerts(query),
    };
    const figures = naiveFigures(events, fromMin, toMin, settings);
    // The previous period, as the page shows changes against it.
    naiveFigures(events, fromMin - (toMin - fromMin), fromMin, settings);
    current.push(figures);
    byTeam.set(team, [...(byTeam.get(team) ?? []), figures]);
  }
  for (const own of byTeam.values()) naiveValues(pool(own), days);
  return {
    org: naiveValues(pool(current), days),
    teams: byTeam.size,
    services: current.length,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const gc = () => (global as { gc?: () => void }).gc?.();

interface Timed {
  times: number[];
  rssDelta: number;
  heapDelta: number;
  result: OrgPage;
}

/**
 * `runs` runs, after one warm-up if asked, each after `prepare` (not timed);
 * the memory delta of the first measured one.
 */
async function time(
  runs: number,
  warmUp: boolean,
  run: () => Promise<OrgPage>,
  prepare: () => Promise<void> = async () => {},
): Promise<Timed> {
  let result = warmUp ? await run() : undefined;
  gc();
  const before = process.memoryUsage();
  const times: number[] = [];
  let rssDelta = 0;
  let heapDelta = 0;
  for (let i = 0; i < runs; i++) {
    await prepare();
    const begin = performance.now();
    result = await run();
    times.push(performance.now() - begin);
    if (i === 0) {
      // Held result and garbage not yet collected: what one page costs.
      const after = process.memoryUsage();
      rssDelta = after.rss - before.rss;
      heapDelta = after.heapUsed - before.heapUsed;
    }
  }
  return {
    times: times.sort((a, b) => a - b),
    rssDelta,
    heapDelta,
    result: result!,
  };
}

const line = (label: string, t: Timed) =>
  t.times.length > 0 &&
  console.log(
    `  ${label.padEnd(9)} p50 ${ms(percentile(t.times, 50))}, p95 ${ms(
      percentile(t.times, 95),
    )}, p99 ${ms(percentile(t.times, 99))}, min ${ms(t.times[0])}, max ${ms(
      t.times[t.times.length - 1],
    )} (${t.times.length} runs); RSS +${mib(t.rssDelta)}, heap +${mib(
      t.heapDelta,
    )}`,
  );

/** The org figures of both ways must agree, or the comparison means nothing. */
function checkAgree(fast: OrgPage, naive: OrgPage) {
  const org = fast.org as DeliveryMetrics;
  const expected = naive.org as Record<string, number | null>;
  const got: Record<string, number | null> = {
    deploymentFrequency: org.deploymentFrequency.value,
    leadTimeHours: org.leadTimeHours.value,
    changeFailureRate: org.changeFailureRate.value,
    timeToRestoreMinutes: org.timeToRestoreMinutes.value,
    timeToDetectMinutes: org.timeToDetectMinutes.value,
    incidentCount: org.incidentCount.value,
    openIncidents: org.openIncidents,
    undetectedIncidents: org.undetectedIncidents,
  };
  for (const [key, value] of Object.entries(expected)) {
    const other = got[key];
    const same =
      value === null || other === null
        ? value === other
        : Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(value));
    if (!same) {
      throw new Error(`org ${key}: computed ${other}, naive ${value}`);
    }
  }
  if (fast.teams !== naive.teams) {
    throw new Error(`teams: computed ${fast.teams}, naive ${naive.teams}`);
  }
  return got;
}

async function openDatabase(): Promise<{
  knex: Knex;
  done: () => Promise<void>;
}> {
  if (PG) {
    const name = `delivery_bench_${process.pid}`;
    const admin = knexFactory({ client: 'pg', connection: PG_URL });
    await admin.raw(`CREATE DATABASE ${name}`);
    const knex = knexFactory({
      client: 'pg',
      connection: `${PG_URL}/${name}`,
    });
    return {
      knex,
      done: async () => {
        await knex.destroy();
        await admin.raw(`DROP DATABASE IF EXISTS ${name}`);
        await admin.destroy();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'delivery-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(dir, 'delivery.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    done: async () => {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  let t = performance.now();
  const workload = generateWorkload({
    services: SERVICES,
    teams: TEAMS,
    endMs: NOW_MS,
    days: 365,
    seed: SEED,
  });
  const teamCount = new Set(workload.teamOf.values()).size;
  console.log(
    `Workload (seed ${SEED}): ${SERVICES} services in ${teamCount} teams, 365 days: ${
      workload.deployments.length
    } deployments (${workload.deployments.reduce(
      (n, d) => n + d.commits.length,
      0,
    )} commits), ${workload.incidents.length} incidents, ${
      workload.alerts.length
    } alerts; generated in ${ms(performance.now() - t)}`,
  );
  const { knex, done } = await openDatabase();
  try {
    const store = await DatabaseDeliveryStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    t = performance.now();
    const BATCH = 5000;
    for (let i = 0; i < workload.deployments.length; i += BATCH) {
      await store.upsertDeployments(workload.deployments.slice(i, i + BATCH));
    }
    for (let i = 0; i < workload.incidents.length; i += BATCH) {
      await store.upsertIncidents(workload.incidents.slice(i, i + BATCH));
    }
    for (let i = 0; i < workload.alerts.length; i += BATCH) {
      await store.upsertAlerts(workload.alerts.slice(i, i + BATCH));
    }
    // The machine's PostgreSQL runs with autovacuum off: without this the
    // planner would keep the estimates of empty tables.
    await knex.raw('ANALYZE');
    console.log(
      `Loaded into the delivery store on ${
        PG ? 'PostgreSQL' : 'SQLite'
      } in ${ms(performance.now() - t)}`,
    );
    const { teamOf } = workload;
    workload.deployments.length = 0;
    workload.incidents.length = 0;
    workload.alerts.length = 0;
    gc();

    const teamNames = [...new Set(teamOf.values())].sort();
    const components = [...teamOf].map(([entityRef, team]) => ({
      entityRef,
      name: entityRef.replace(/^component:default\//, ''),
      team,
      conflicts: [],
    }));
    const catalog: DeliveryCatalog = {
      targets: async () => ({
        components,
        github: new Map(),
        gitlab: new Map(),
        pagerDuty: new Map(),
        serviceNames: new Map(),
      }),
    };
    // Noon of the last generated day: the page's periods end at NOW_MS.
    const service = new DeliveryService(store, catalog, {
      environment: DEFAULT_DELIVERY_JUDGEMENT.environment,
      sources: [],
      now: () => new Date(NOW_MS - DAY_MS / 2),
    });
    t = performance.now();
    await service.refreshRollups();
    console.log(
      `Rollups of 30 and 90 days for every service (what a source read refreshes when all changed): ${ms(
        performance.now() - t,
      )}`,
    );

    const refs = [...teamOf.keys()];
    let writes = 0;
    for (const days of [30, 90]) {
      const { readFrom, readTo } = span(days);
      const parts: Record<string, number[]> = {
        read: [],
        services: [],
        combine: [],
        days: [],
      };
      const fast = await time(RUNS, true, () =>
        orgPage(service, teamNames, days),
      );
      const full = await time(FULL_RUNS, true, () =>
        fullOrgPage(store, teamOf, days, parts),
      );
      checkSame(fast.result, full.result);
      // Every rollup gone before each run: the page computes them all.
      const cold = await time(
        COLD_RUNS,
        false,
        () => orgPage(service, teamNames, days),
        async () => {
          await knex('delivery_period_rollups').delete();
        },
      );
      if (COLD_RUNS > 0) checkSame(cold.result, full.result);
      const naive =
        NAIVE_RUNS > 0
          ? await time(NAIVE_RUNS, false, () =>
              naiveOrgPage(store, teamOf, days),
            )
          : undefined;
      const org = naive ? checkAgree(fast.result, naive.result) : undefined;
      // A deploy of one service written before each run: the page computes
      // that service's rollup again.
      const afterWrite = await time(
        RUNS,
        false,
        () => orgPage(service, teamNames, days),
        async () => {
          writes += 1;
          await store.upsertDeployments([
            {
              id: `bench:write:${writes}`,
              source: 'pipeline',
              entityRef: refs[(writes * 7919) % refs.length],
              environment: 'production',
              status: 'success',
              sha: 'b'.repeat(40),
              startedAt: new Date(NOW_MS - HOUR_MS).toISOString(),
              finishedAt: new Date(NOW_MS - HOUR_MS / 2).toISOString(),
              rollbackOf: null,
              commits: [
                {
                  sha: `bench${writes}`,
                  committedAt: new Date(NOW_MS - 3 * HOUR_MS).toISOString(),
                },
              ],
            },
          ]);
        },
      );
      checkSame(
        afterWrite.result,
        await fullOrgPage(store, teamOf, days, {
          read: [],
          services: [],
          combine: [],
          days: [],
        }),
      );
      console.log(
        `\nOrg page, ${days} days (events read from ${readFrom} to ${readTo}; ${fast.result.services} services with events, ${fast.result.teams} teams, ${fast.result.days} days of trend):`,
      );
      line('rollups', fast);
      line('write+1', afterWrite);
      line('cold', cold);
      line('full', full);
      console.log(
        `  full/rollups: p50 ${(
          percentile(full.times, 50) / percentile(fast.times, 50)
        ).toFixed(1)}x, p95 ${(
          percentile(full.times, 95) / percentile(fast.times, 95)
        ).toFixed(1)}x (the same page to the last digit)`,
      );
      if (naive) {
        line('naive', naive);
        console.log(
          `  naive/rollups: p50 ${(
            percentile(naive.times, 50) / percentile(fast.times, 50)
          ).toFixed(1)}x, p95 ${(
            percentile(naive.times, 95) / percentile(fast.times, 95)
          ).toFixed(1)}x`,
        );
      }
      const median = (xs: number[]) =>
        [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(
        `  full, median of its parts: store read ${ms(
          median(parts.read),
        )}, per service ${ms(median(parts.services))}, teams and org ${ms(
          median(parts.combine),
        )}, days ${ms(median(parts.days))}`,
      );
      if (!org) continue;
      console.log(
        `  org figures (rollups and naive agree): ${Object.entries(org)
          .map(([k, v]) => `${k} ${v === null ? '-' : +v.toFixed(3)}`)
          .join(', ')}`,
      );
    }
  } finally {
    await done();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
