/* eslint-disable no-console */
// The delivery org page (issue 22), run with bench/delivery/run.sh: a year of
// events of 1,000 services in 60 teams in the delivery store (SQLite, or a
// scratch PostgreSQL database with --pg), then GET /overview's computation
// (DeliveryService.overview) for 30 and 90 days from its stored rollups,
// timed over BENCH_RUNS runs, beside the full computation it replaced and a
// naive baseline, run in the same process on the same store. See
// bench/README.md.
import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_DELIVERY_JUDGEMENT } from '@gogidix/plugin-delivery-common';
import { DatabaseDeliveryStore } from '../../plugins/delivery-backend/src/database/DatabaseDeliveryStore';
import { DeliveryService } from '../../plugins/delivery-backend/src/service/DeliveryService';
import { DeliveryCatalog } from '../../plugins/delivery-backend/src/service/deliveryCatalog';
import { openDatabase } from './database';
import { checkAgree, naiveOrgPage } from './naivePage';
import {
  checkSame,
  DAY_MS,
  fullOrgPage,
  HOUR_MS,
  NOW_MS,
  orgPage,
  span,
} from './orgPages';
import { gc, line, ms, percentile, time } from './timing';
import { generateWorkload } from './workload';

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
  const { knex, done } = await openDatabase({ pg: PG, url: PG_URL });
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
