import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DatabaseComplianceStore } from '../database/DatabaseComplianceStore';

export const repoRoot = path.join(__dirname, '../../../..');
export const demoServices = path.join(repoRoot, 'demo/services');
export const demoTrivy = path.join(repoRoot, 'demo/trivy');

export async function createTestStore(
  databases: TestDatabases,
  id: Parameters<TestDatabases['init']>[0] = 'SQLITE_3',
) {
  const knex = await databases.init(id);
  return DatabaseComplianceStore.create({
    database: mockServices.database({ knex, migrations: { skip: false } }),
  });
}

/**
 * The demo catalog's components, with the `managed-by-location` the
 * catalog sets when it reads them from disk.
 */
export function demoComponents(): Entity[] {
  return fs
    .readdirSync(demoServices)
    .sort()
    .flatMap(name => {
      const file = path.join(demoServices, name, 'catalog-info.yaml');
      return parseAllDocuments(fs.readFileSync(file, 'utf8'))
        .map(doc => doc.toJSON() as Entity)
        .filter(entity => entity.kind === 'Component')
        .map(entity => ({
          ...entity,
          metadata: {
            ...entity.metadata,
            namespace: 'default',
            annotations: {
              ...entity.metadata.annotations,
              'backstage.io/managed-by-location': `file:${file}`,
            },
          },
        }));
    });
}

/** The SLO plugin's `GET /summary`, answered for these rows. */
export function sloSummaryFetch(
  rows: Array<{ entityRef: string; status: string }>,
): typeof fetch {
  return (async () =>
    new Response(JSON.stringify({ slos: rows, totals: {} }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    })) as unknown as typeof fetch;
}

/**
 * The compliance round as the plugin wires it, over the demo components,
 * with the SLO plugin answering for the given rows.
 */
export async function demoRound(
  store: DatabaseComplianceStore,
  options: {
    now: Date;
    slo?: Array<{ entityRef: string; status: string }>;
    sloFetch?: typeof fetch;
    rules?: string;
  },
) {
  const { mockServices: services } = await import(
    '@backstage/backend-test-utils'
  );
  const { parseRuleSet } = await import('../rules/ruleSet');
  const { CatalogFactRetriever } = await import(
    '../facts/CatalogFactRetriever'
  );
  const { RepositoryFactRetriever } = await import(
    '../facts/RepositoryFactRetriever'
  );
  const { TrivyFactRetriever } = await import('../facts/TrivyFactRetriever');
  const { SloFactRetriever } = await import('../facts/SloFactRetriever');
  const { ComplianceService } = await import('../service/ComplianceService');
  const { loadTrivyReports } = await import('../service/trivyReportFolder');
  const rulesFile = path.join(__dirname, '../../rules/default.yaml');
  const ruleSet = parseRuleSet(
    options.rules ?? fs.readFileSync(rulesFile, 'utf8'),
    rulesFile,
  );
  const logger = services.logger.mock();
  await loadTrivyReports(store, demoTrivy, logger, options.now);
  const service = new ComplianceService({
    ruleSet,
    retrievers: [
      new CatalogFactRetriever(),
      new RepositoryFactRetriever(services.urlReader.mock()),
      new TrivyFactRetriever(store),
      new SloFactRetriever({
        discovery: services.discovery(),
        auth: services.auth(),
        fetch: options.sloFetch ?? sloSummaryFetch(options.slo ?? []),
      }),
    ],
    store,
    logger,
    entities: async () => demoComponents(),
  });
  return { service, ruleSet, summary: await service.runRound(options.now) };
}
