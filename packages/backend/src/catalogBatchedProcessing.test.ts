import {
  TestDatabaseId,
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { eventually, portalTestDatabases } from '@gogidix/test-kit';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

// The portal carries a yarn patch of @backstage/plugin-catalog-backend
// (.yarn/patches/, docs/performance.md "Batched catalog processing") that
// processes claimed entities in groups sharing their round trips. These tests
// fail when an upgrade drops the patch, and check that the patched engine
// gives the catalog stock's results: final entities, relations, search rows,
// conflicts and orphans.

jest.setTimeout(120_000);

const MARKER = 'gogidix-batched-processing';

function installedEngineSource(): string {
  const packageJson = require.resolve(
    '@backstage/plugin-catalog-backend/package.json',
  );
  return fs.readFileSync(
    path.join(
      path.dirname(packageJson),
      'dist/processing/DefaultCatalogProcessingEngine.cjs.js',
    ),
    'utf8',
  );
}

describe('the catalog-backend patch', () => {
  it('is applied to the installed package', () => {
    // Dropped by an upgrade: re-create it with `yarn patch` (docs/performance.md).
    expect({ patched: installedEngineSource().includes(MARKER) }).toEqual({
      patched: true,
    });
  });
});

/** A generated organisation spread over three files, with one conflict. */
function generatedCatalog() {
  const entity = (kind: string, name: string, spec: JsonObject): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name },
    spec,
  });
  const groups = [
    entity('Group', 'org', { type: 'team', children: [] }),
    entity('Group', 'team-a', { type: 'team', parent: 'org', children: [] }),
    entity('Group', 'team-b', { type: 'team', parent: 'org', children: [] }),
  ];
  const users = Array.from({ length: 6 }, (_, i) =>
    entity('User', `user-${i}`, {
      memberOf: [i % 2 ? 'team-a' : 'team-b'],
    }),
  );
  const systems = [0, 1].map(i =>
    entity('System', `system-${i}`, { owner: 'group:default/org' }),
  );
  const apis = Array.from({ length: 8 }, (_, i) =>
    entity('API', `api-${i}`, {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'group:default/team-a',
      system: `system-${i % 2}`,
      definition: 'openapi: 3.0.0',
    }),
  );
  const components = Array.from({ length: 40 }, (_, i) =>
    entity('Component', `service-${i}`, {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${i % 3 ? 'team-a' : 'team-b'}`,
      system: `system-${i % 2}`,
      ...(i > 0 ? { dependsOn: [`component:default/service-${i - 1}`] } : {}),
      ...(i % 5 === 0 ? { providesApis: [`api-${i / 5}`] } : {}),
    }),
  );
  // The same entity in two locations: the first to claim it keeps it.
  const contested = entity('Component', 'contested', {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/org',
  });
  return {
    files: {
      'org.yaml': [...groups, ...users, ...systems],
      'services.yaml': [...components, ...apis, contested],
      'other.yaml': [contested],
    },
    entities: [
      ...groups,
      ...users,
      ...systems,
      ...apis,
      ...components,
      contested,
    ],
  };
}

/** The relations the catalog's processors give an entity, worked out here. */
function expectedRelations(entities: Entity[]): Map<string, string[]> {
  const relations = new Map<string, Set<string>>();
  const add = (source: string, type: string, target: string) => {
    const set = relations.get(source) ?? new Set();
    set.add(`${type} ${target}`);
    relations.set(source, set);
  };
  const pair = (
    source: string,
    type: string,
    target: string,
    reverse: string,
  ) => {
    add(source, type, target);
    add(target, reverse, source);
  };
  for (const e of entities) {
    const ref = stringifyEntityRef(e);
    const spec = e.spec as Record<string, any>;
    if (spec.owner) pair(ref, 'ownedBy', spec.owner, 'ownerOf');
    if (spec.system)
      pair(ref, 'partOf', `system:default/${spec.system}`, 'hasPart');
    for (const d of spec.dependsOn ?? [])
      pair(ref, 'dependsOn', d, 'dependencyOf');
    for (const a of spec.providesApis ?? [])
      pair(ref, 'providesApi', `api:default/${a}`, 'apiProvidedBy');
    if (spec.parent)
      pair(ref, 'childOf', `group:default/${spec.parent}`, 'parentOf');
    for (const g of spec.memberOf ?? [])
      pair(ref, 'memberOf', `group:default/${g}`, 'hasMember');
  }
  return new Map([...relations].map(([ref, set]) => [ref, [...set].sort()]));
}

const databases = portalTestDatabases();

describe.each(databases.eachSupportedId())(
  'batched catalog processing on %s',
  (databaseId: TestDatabaseId) => {
    const mockDir = createMockDirectory();

    it('gives every entity its final body, relations and search rows', async () => {
      const knex = await databases.init(databaseId);
      const catalog = generatedCatalog();
      mockDir.setContent(
        Object.fromEntries(
          Object.entries(catalog.files).map(([file, docs]) => [
            file,
            docs.map(d => yaml.stringify(d)).join('---\n'),
          ]),
        ),
      );
      const backend = await startTestBackend({
        features: [
          catalogBackend,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'API',
                      'System',
                      'Group',
                      'User',
                      'Location',
                    ],
                  },
                ],
                locations: Object.keys(catalog.files).map(file => ({
                  type: 'file',
                  target: mockDir.resolve(file),
                })),
              },
            },
          }),
        ],
      });
      try {
        const wanted = catalog.entities.map(e => stringifyEntityRef(e));
        const finals = await eventually(
          async () => {
            const [{ queued }] = await knex('stitch_queue').count({
              queued: '*',
            });
            const rows = await knex('final_entities')
              .whereNotNull('final_entity')
              .select('entity_id', 'entity_ref', 'final_entity');
            const have = new Set(rows.map(r => r.entity_ref));
            return (
              Number(queued) === 0 && wanted.every(ref => have.has(ref)) && rows
            );
          },
          { what: 'the generated catalog to be stitched', timeoutMs: 90_000 },
        );
        const byRef = new Map(finals.map(r => [r.entity_ref as string, r]));
        const expected = expectedRelations(catalog.entities);

        const problems: string[] = [];
        const errors = await knex('refresh_state')
          .whereNot('errors', '')
          .whereNot('errors', '[]')
          .select('entity_ref', 'errors');
        for (const e of errors) problems.push(`${e.entity_ref}: ${e.errors}`);
        for (const ref of wanted) {
          const row = byRef.get(ref)!;
          const entity: Entity = JSON.parse(row.final_entity);
          const relations = (entity.relations ?? [])
            .map(r => `${r.type} ${r.targetRef}`)
            .sort();
          if (
            JSON.stringify(relations) !==
            JSON.stringify(expected.get(ref) ?? [])
          ) {
            problems.push(
              `${ref} relations ${relations} != ${expected.get(ref)}`,
            );
          }
          if (entity.metadata.annotations?.['backstage.io/orphan']) {
            problems.push(`${ref} is marked orphan`);
          }
          const search = await knex('search')
            .where('entity_id', row.entity_id)
            .select('key', 'value');
          const has = (key: string, value: string) =>
            search.some(s => s.key === key && s.value === value);
          if (!has('kind', entity.kind.toLocaleLowerCase('en-US'))) {
            problems.push(`${ref} has no kind search row`);
          }
          if (
            !has(
              'metadata.name',
              entity.metadata.name.toLocaleLowerCase('en-US'),
            )
          ) {
            problems.push(`${ref} has no name search row`);
          }
          for (const r of entity.relations ?? []) {
            if (
              !has(
                `relations.${r.type.toLocaleLowerCase('en-US')}`,
                r.targetRef,
              )
            ) {
              problems.push(
                `${ref} has no search row for ${r.type} ${r.targetRef}`,
              );
            }
          }
        }
        expect(problems).toEqual([]);

        // The contested entity is one final entity, from one location.
        const contested = await knex('refresh_state')
          .where('entity_ref', 'component:default/contested')
          .select('location_key');
        expect(contested).toHaveLength(1);

        // Removing a location orphans what only it held.
        await knex('refresh_state_references')
          .where('target_entity_ref', 'user:default/user-0')
          .delete();
        await knex('stitch_queue')
          .insert({
            entity_ref: 'user:default/user-0',
            stitch_ticket: 'test',
            next_stitch_at: knex.fn.now(),
          })
          .onConflict('entity_ref')
          .merge();
        await eventually(
          async () => {
            const row = await knex('final_entities')
              .where('entity_ref', 'user:default/user-0')
              .first();
            return (
              JSON.parse(row.final_entity).metadata.annotations?.[
                'backstage.io/orphan'
              ] === 'true'
            );
          },
          { what: 'user-0 to be stitched as an orphan' },
        );
      } finally {
        await backend.stop();
      }
    });
  },
);
