/* eslint-disable no-console */
// One compliance round for 1,000 generated components (run with
// bench/compliance/run.sh), through the plugin's real code: the catalog,
// repository (1,000 folders on disk), Trivy (reports ingested through the
// upload parser) and SLO retrievers, json-rules-engine evaluation of the
// shipped rules, and the store, on SQLite and PostgreSQL.
//
// Baselines measured in the same run:
//  - the previous round: round 2 (facts replaced, history present) against
//    round 1 (empty store);
//  - naive evaluation: a json-rules-engine Engine built for every component
//    and check, against the engines the evaluator builds once per check.
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Evidence } from '@gogidix/plugin-compliance-common';
import { Engine } from 'json-rules-engine';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseComplianceStore } from '../../plugins/compliance-backend/src/database/DatabaseComplianceStore';
import { CatalogFactRetriever } from '../../plugins/compliance-backend/src/facts/CatalogFactRetriever';
import { RepositoryFactRetriever } from '../../plugins/compliance-backend/src/facts/RepositoryFactRetriever';
import { SloFactRetriever } from '../../plugins/compliance-backend/src/facts/SloFactRetriever';
import { TrivyFactRetriever } from '../../plugins/compliance-backend/src/facts/TrivyFactRetriever';
import { ComplianceService } from '../../plugins/compliance-backend/src/service/ComplianceService';
import { ingestTrivyReport } from '../../plugins/compliance-backend/src/service/trivyIngest';
import {
  trivyReport,
  writeServiceRepository,
} from '../perf/workload/repositories';
import { noUrlReader, ruleSet } from './standIns';

const COMPONENTS = 1000;
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

/** 1,000 repositories on disk, a mix of the golden path and gaps. */
function generateEstate(root: string): Entity[] {
  return Array.from({ length: COMPONENTS }, (_, i) => {
    const name = `service-${String(i).padStart(4, '0')}`;
    const team = teams[i % teams.length];
    const dir = join(root, name);
    writeServiceRepository(dir, { name, team, index: i });
    writeFileSync(
      join(dir, 'catalog-info.yaml'),
      `metadata:\n  name: ${name}\n`,
    );
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        labels: { 'gogidix.io/tier': `tier-${i % 4}` },
        annotations: {
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'catalog-info.yaml',
          )}`,
          'gogidix.io/runbooks': './docs/runbooks',
          ...(i % 4 < 2
            ? { 'pagerduty.com/service-id': `P${String(i).padStart(6, '0')}` }
            : {}),
          ...(i % 4 < 3 ? { 'gogidix.io/openslo': './slo/openslo.yaml' } : {}),
          'vault.io/secrets-path': `${team}/${name}`,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: team,
        providesApis: i % 3 ? [`${name}-api`] : [],
      },
    };
  });
}

/** The SLO plugin's summary for the estate, as its backend answers it. */
function sloFetch(entities: Entity[]): typeof fetch {
  const slos = entities
    .filter(e => e.metadata.annotations?.['gogidix.io/openslo'])
    .map((e, i) => ({
      entityRef: `component:default/${e.metadata.name}`,
      status: i % 9 === 0 ? 'exhausted' : 'healthy',
    }));
  const body = JSON.stringify({ slos });
  return (async () =>
    new Response(body, {
      headers: { 'Content-Type': 'application/json' },
    })) as unknown as typeof fetch;
}

async function naiveEvaluation(facts: Map<string, Map<string, Evidence>>) {
  const t = performance.now();
  for (const entityFacts of facts.values()) {
    for (const check of ruleSet.checks) {
      const engine = new Engine(
        [{ conditions: check.conditions, event: { type: check.id } }],
        { allowUndefinedFacts: true },
      );
      await engine.run(
        Object.fromEntries(
          [...entityFacts.values()].map(e => [e.factId, e.value]),
        ),
      );
    }
  }
  return performance.now() - t;
}

async function database(
  kind: 'SQLite' | 'PostgreSQL',
  dir: string,
): Promise<Knex> {
  if (kind === 'SQLite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(dir, 'compliance.sqlite') },
      useNullAsDefault: true,
    });
  }
  const url = process.env.BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const admin = knexFactory({ client: 'pg', connection: url });
  await admin.raw('DROP DATABASE IF EXISTS compliance_bench');
  await admin.raw('CREATE DATABASE compliance_bench');
  await admin.destroy();
  const target = new URL(url);
  target.pathname = '/compliance_bench';
  return knexFactory({ client: 'pg', connection: target.toString() });
}

const ms = (x: number) => `${Math.round(x)} ms`;

async function bench(
  kind: 'SQLite' | 'PostgreSQL',
  entities: Entity[],
  dir: string,
) {
  const knex = await database(kind, dir);
  const store = await DatabaseComplianceStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
  const now = new Date();
  let t = performance.now();
  for (let i = 0; i < entities.length; i++) {
    await ingestTrivyReport(store, {
      entityRef: `component:default/${entities[i].metadata.name}`,
      report: trivyReport(entities[i].metadata.name, i, now),
      source: 'bench',
      now,
    });
  }
  const ingestMs = performance.now() - t;
  const service = new ComplianceService({
    ruleSet,
    retrievers: [
      new CatalogFactRetriever(),
      new RepositoryFactRetriever(noUrlReader),
      new TrivyFactRetriever(store),
      new SloFactRetriever({
        discovery: mockServices.discovery(),
        auth: mockServices.auth(),
        fetch: sloFetch(entities),
      }),
    ],
    store,
    logger: mockServices.rootLogger({ level: 'none' }),
    entities: async () => entities,
  });
  const rounds = [];
  for (let round = 1; round <= 3; round++) {
    t = performance.now();
    const summary = await service.runRound(new Date());
    rounds.push({ total: performance.now() - t, ...summary });
  }
  t = performance.now();
  const results = await store.latestResults();
  const readMs = performance.now() - t;
  const levels = results.reduce<Record<string, number>>((acc, r) => {
    acc[r.level] = (acc[r.level] ?? 0) + 1;
    return acc;
  }, {});
  await knex.destroy();
  return { kind, ingestMs, rounds, readMs, levels };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'compliance-bench-'));
  try {
    const entities = generateEstate(join(dir, 'repos'));
    const kinds: Array<'SQLite' | 'PostgreSQL'> =
      process.env.BENCH_PG === 'none' ? ['SQLite'] : ['SQLite', 'PostgreSQL'];
    console.log(
      `Compliance round: ${COMPONENTS} components, ${ruleSet.checks.length} checks, node ${process.version}`,
    );
    for (const kind of kinds) {
      const r = await bench(kind, entities, dir);
      const [first, second] = r.rounds;
      console.log(`\n${kind}`);
      console.log(
        `  Trivy reports ingested (1,000 uploads): ${ms(r.ingestMs)}`,
      );
      r.rounds.forEach((round, i) =>
        console.log(
          `  round ${i + 1}: ${ms(round.total)} (collect ${ms(
            round.collectMs,
          )}, evaluate ${ms(round.evaluateMs)}, store ${ms(round.storeMs)}); ${
            round.facts
          } facts, ${round.factErrors} in error`,
        ),
      );
      console.log(
        `  round 2 / round 1 (previous round as baseline): ${(
          second.total / first.total
        ).toFixed(2)}`,
      );
      console.log(
        `  latest results read back: ${ms(r.readMs)}; levels ${JSON.stringify(
          r.levels,
        )}`,
      );
    }

    // Evaluation alone, over the same facts: prepared engines vs naive.
    const service = new ComplianceService({
      ruleSet,
      retrievers: [
        new CatalogFactRetriever(),
        new RepositoryFactRetriever(noUrlReader),
      ],
      store: {} as DatabaseComplianceStore,
      logger: mockServices.rootLogger({ level: 'none' }),
      entities: async () => entities,
    });
    const items = entities.map(entity => ({
      entity,
      entityRef: `component:default/${entity.metadata.name}`,
    }));
    const facts = await service.collect(items, new Date());
    const byEntity = new Map<string, Map<string, Evidence>>();
    for (const { entityRef, ...e } of facts) {
      if (!byEntity.has(entityRef)) byEntity.set(entityRef, new Map());
      byEntity.get(entityRef)!.set(e.factId, e);
    }
    let t = performance.now();
    await service.evaluate(items, facts, [], new Date());
    const prepared = performance.now() - t;
    t = performance.now();
    const naive = await naiveEvaluation(byEntity);
    console.log(
      `\nEvaluation only (${COMPONENTS} × ${
        ruleSet.checks.length
      } checks): engines built once ${ms(
        prepared,
      )}, naive engine per component and check ${ms(naive)}, ratio ${(
        naive / prepared
      ).toFixed(2)}x`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
