/* eslint-disable no-console */
// The org page API at the perf workload's scale (run with
// bench/compliance/summary.sh): one real compliance round over 8,003
// components, 1,000 of them with a repository on disk and a Trivy report,
// the other 7,003 catalog-only, owned by 89 teams; then GET /summary and
// GET /summary?team=… through the plugin's router (permission decisions per
// team run through a policy stand-in that allows), on PostgreSQL.
// Prints the response size and P50/P95 of REQUESTS calls made by 10
// concurrent callers.
import { AuditorService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import knexFactory from 'knex';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseComplianceStore } from '../../plugins/compliance-backend/src/database/DatabaseComplianceStore';
import { CatalogFactRetriever } from '../../plugins/compliance-backend/src/facts/CatalogFactRetriever';
import { RepositoryFactRetriever } from '../../plugins/compliance-backend/src/facts/RepositoryFactRetriever';
import { TrivyFactRetriever } from '../../plugins/compliance-backend/src/facts/TrivyFactRetriever';
import { ComplianceService } from '../../plugins/compliance-backend/src/service/ComplianceService';
import { createRouter } from '../../plugins/compliance-backend/src/service/router';
import { ingestTrivyReport } from '../../plugins/compliance-backend/src/service/trivyIngest';
import {
  trivyReport,
  writeServiceRepository,
} from '../perf/workload/repositories';
import { percentile } from '../perf/lib/stats';
import { noUrlReader, ruleSet } from './standIns';

const COMPONENTS = 8003;
const WITH_REPOSITORY = 1000;
const TEAMS = 89;
const CONCURRENCY = 10;
const REQUESTS = Number(process.env.REQUESTS ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 7370);
const DATABASE = 'pcomp_summary_bench';

/** Only waivers are audited; the bench creates none. */
const noAuditor = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
} as unknown as AuditorService;

const team = (i: number) => `team-${String(i % TEAMS).padStart(2, '0')}`;

function generateEstate(root: string): Entity[] {
  return Array.from({ length: COMPONENTS }, (_, i) => {
    const name = `service-${String(i).padStart(4, '0')}`;
    const owner = team(i);
    const annotations: Record<string, string> = {};
    if (i < WITH_REPOSITORY) {
      const dir = join(root, name);
      writeServiceRepository(dir, { name, team: owner, index: i });
      writeFileSync(
        join(dir, 'catalog-info.yaml'),
        `metadata:\n  name: ${name}\n`,
      );
      annotations['backstage.io/managed-by-location'] = `file:${join(
        dir,
        'catalog-info.yaml',
      )}`;
      annotations['gogidix.io/runbooks'] = './docs/runbooks';
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        labels: { 'gogidix.io/tier': `tier-${i % 4}` },
        annotations,
      },
      spec: { type: 'service', lifecycle: 'production', owner },
    };
  });
}

async function measure(url: string) {
  const latencies: number[] = [];
  let bytes = 0;
  let next = 0;
  const caller = async () => {
    while (next < REQUESTS) {
      next++;
      const t = performance.now();
      const response = await fetch(url, {
        headers: { authorization: mockCredentials.user.header() },
      });
      const body = await response.arrayBuffer();
      latencies.push(performance.now() - t);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      bytes = body.byteLength;
    }
  };
  next = REQUESTS - 1;
  await caller(); // one warm-up call, not counted
  latencies.length = 0;
  next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));
  return {
    bytes,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    calls: latencies.length,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'compliance-summary-'));
  const url = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const admin = knexFactory({ client: 'pg', connection: url });
  await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.raw(`CREATE DATABASE ${DATABASE}`);
  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  const knex = knexFactory({ client: 'pg', connection: target.toString() });
  let server: ReturnType<express.Express['listen']> | undefined;
  try {
    const entities = generateEstate(join(dir, 'repos'));
    const store = await DatabaseComplianceStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const now = new Date();
    for (let i = 0; i < WITH_REPOSITORY; i++) {
      await ingestTrivyReport(store, {
        entityRef: `component:default/${entities[i].metadata.name}`,
        report: trivyReport(entities[i].metadata.name, i, now),
        source: 'bench',
        now,
      });
    }
    const service = new ComplianceService({
      ruleSet,
      retrievers: [
        new CatalogFactRetriever(),
        new RepositoryFactRetriever(noUrlReader),
        new TrivyFactRetriever(store),
      ],
      store,
      logger: mockServices.rootLogger({ level: 'none' }),
      entities: async () => entities,
    });
    let t = performance.now();
    await service.runRound(now);
    console.log(
      `Round over ${COMPONENTS} components (${WITH_REPOSITORY} with a repository), ${TEAMS} teams: ${Math.round(
        performance.now() - t,
      )} ms`,
    );
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      auditor: noAuditor,
      // Only waivers and Trivy uploads look entities up; the bench reads.
      catalog: catalogServiceMock(),
      store,
      ruleSet,
    });
    const app = express().use(router).use(mockErrorHandler());
    server = await new Promise(resolve => {
      const s = app.listen(PORT, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    console.log(
      `${REQUESTS} calls per endpoint, ${CONCURRENCY} concurrent, node ${process.version}`,
    );
    for (const path of [
      '/summary',
      `/summary?team=${encodeURIComponent(`group:default/${team(7)}`)}`,
    ]) {
      t = performance.now();
      const r = await measure(`${base}${path}`);
      console.log(
        `  GET ${path}: ${(r.bytes / 1024).toFixed(1)} KiB, P50 ${Math.round(
          r.p50,
        )} ms, P95 ${Math.round(r.p95)} ms (${r.calls} calls)`,
      );
    }
  } finally {
    server?.close();
    await knex.destroy();
    await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await admin.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
