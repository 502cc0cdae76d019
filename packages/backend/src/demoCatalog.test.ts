import {
  TestDatabaseId,
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import catalogBackendModuleUnprocessed from '@backstage/plugin-catalog-backend-module-unprocessed';
import catalogBackendModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import catalogBackendModuleLocalFiles from '@gogidix/plugin-catalog-backend-module-local-files';
import { JsonObject } from '@backstage/types';
import path from 'node:path';
import { appCatalogConfig } from './__testUtils__/appConfig';
import { catalogProblems, namesOf } from './__testUtils__/catalogProblems';
import { portalTestDatabases } from '@gogidix/test-kit';

jest.setTimeout(120_000);

const databases = portalTestDatabases();

/** The catalog plugin as the portal runs it, reading the given locations. */
async function startCatalog(
  knex: Awaited<ReturnType<typeof databases.init>>,
  locations: JsonObject[],
) {
  return startTestBackend({
    features: [
      catalogBackend,
      catalogBackendModuleUnprocessed,
      catalogBackendModuleScaffolderEntityModel,
      catalogBackendModuleLocalFiles,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: { ...appCatalogConfig(), locations },
        },
      }),
    ],
  });
}

describe.each(databases.eachSupportedId())(
  'the demo organisation on %s',
  (databaseId: TestDatabaseId) => {
    it('processes with no errors, no dangling relations and valid API specs', async () => {
      const knex = await databases.init(databaseId);
      // The same locations the committed app-config.yaml loads, made absolute.
      const locations = appCatalogConfig().locations as JsonObject[];
      const backend = await startCatalog(knex, locations);
      try {
        const { entities, problems } = await catalogProblems(backend.server);
        expect(problems).toEqual([]);

        const groups = namesOf(entities, 'Group');
        expect(groups).toEqual(
          expect.arrayContaining([
            'engineering',
            'platform',
            'listings',
            'search',
            'payments',
            'ai',
            'web',
            'sre',
          ]),
        );
        expect(namesOf(entities, 'User').length).toBeGreaterThanOrEqual(15);
        expect(namesOf(entities, 'System')).toEqual(
          expect.arrayContaining([
            'property-marketplace',
            'platform-infrastructure',
            'ai-services',
          ]),
        );
        const components = namesOf(entities, 'Component');
        expect(components.length).toBeGreaterThanOrEqual(20);
        expect(components).toEqual(
          expect.arrayContaining([
            'api-gateway',
            'listings-service',
            'search-service',
            'payments-service',
            'valuation-model',
            'web-frontend',
            'notification-service',
            'gogidix-portal',
          ]),
        );
        const apis = entities.filter(e => e.kind === 'API');
        expect(apis.length).toBeGreaterThanOrEqual(4);
        const lifecycle = (name: string) =>
          apis.find(a => a.metadata.name === name)?.spec?.lifecycle;
        expect(lifecycle('listings-api-v1')).toBe('deprecated');
        expect(lifecycle('listings-api-v2')).toBe('production');
        expect(namesOf(entities, 'Resource')).toEqual(
          expect.arrayContaining(['gpu-node-pool', 'listings-db']),
        );

        // Every team's lead is one of its members.
        for (const group of entities.filter(e => e.kind === 'Group')) {
          const lead = group.metadata.annotations?.['gogidix.io/lead'];
          const members = (group.relations ?? [])
            .filter(r => r.type === 'hasMember')
            .map(r => r.targetRef);
          expect({
            group: group.metadata.name,
            lead: members.includes(lead!),
          }).toEqual({
            group: group.metadata.name,
            lead: true,
          });
        }
      } finally {
        await backend.stop();
      }
    });
  },
);

describe('the catalog check', () => {
  const broken = createMockDirectory({
    content: {
      'all.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Location',
        'metadata: { name: broken-demo }',
        'spec:',
        '  targets: [./orphan.yaml, ./invalid.yaml, ./api.yaml, ./bidi.yaml]',
      ].join('\n'),
      'orphan.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: orphan-service }',
        'spec: { type: service, lifecycle: production, owner: no-such-team }',
      ].join('\n'),
      'invalid.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: "Not a valid name!" }',
        'spec: { type: service, lifecycle: production, owner: no-such-team }',
      ].join('\n'),
      // A right-to-left override that shows "invoice\u202Eexe.pdf" as "invoicefdp.exe".
      'bidi.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata: { name: bidi-service, title: "invoice\\u202Eexe.pdf" }',
        'spec: { type: service, lifecycle: production, owner: no-such-team }',
      ].join('\n'),
      'api.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: API',
        'metadata: { name: leaky-api }',
        'spec:',
        '  type: openapi',
        '  lifecycle: production',
        '  owner: no-such-team',
        '  definition: { $text: ../../etc/passwd }',
      ].join('\n'),
    },
  });

  it('fails on a broken entity, a dangling owner, an unreadable spec and a hidden character', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startCatalog(knex, [
      { type: 'file', target: path.join(broken.path, 'all.yaml') },
    ]);
    try {
      const { problems } = await catalogProblems(backend.server);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /component:default\/orphan-service has relation ownedBy to group:default\/no-such-team/,
          ),
          expect.stringMatching(
            /Component Not a valid name! in file:.*invalid.yaml failed to process: .*"metadata.name" is not valid/,
          ),
          expect.stringMatching(
            /API leaky-api in file:.*api.yaml failed to process: .*leads outside/,
          ),
          expect.stringMatching(
            /Component bidi-service in file:.*bidi.yaml failed to process: .*metadata\.title contains the control or bidirectional formatting character U\+202E; remove it/,
          ),
        ]),
      );
    } finally {
      await backend.stop();
    }
  });
});
