import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { portalTestDatabases } from '@gogidix/test-kit';

const databases = portalTestDatabases();
const directory = resolvePackagePath(
  '@gogidix/plugin-compliance-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('turns a refused Trivy report stored as an error row into a refusal, and back', async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.up({ directory, name: '20261127090000_init.js' });
    await knex.migrate.up({
      directory,
      name: '20261206090000_campaign_daily_by_team.js',
    });
    await knex('compliance_trivy_reports').insert([
      {
        entity_ref: 'component:default/a',
        source: 'file demo/trivy/a.json',
        received_at: '2026-12-01T00:00:00.000Z',
        error: 'not valid JSON',
      },
      {
        entity_ref: 'component:default/b',
        artifact_name: 'img:1',
        scanned_at: '2026-12-01T00:00:00.000Z',
        counts: '{"CRITICAL":0,"HIGH":1,"MEDIUM":0,"LOW":0,"UNKNOWN":0}',
        source: 'ci',
        received_at: '2026-12-01T00:00:00.000Z',
      },
    ]);

    await knex.migrate.latest({ directory });
    const rows = await knex('compliance_trivy_reports')
      .select(
        'entity_ref',
        'counts',
        'rejected_at',
        'rejected_reason',
        'rejected_source',
      )
      .orderBy('entity_ref');
    expect(rows).toEqual([
      {
        entity_ref: 'component:default/a',
        counts: null,
        rejected_at: '2026-12-01T00:00:00.000Z',
        rejected_reason: 'not valid JSON',
        rejected_source: 'file demo/trivy/a.json',
      },
      {
        entity_ref: 'component:default/b',
        counts: '{"CRITICAL":0,"HIGH":1,"MEDIUM":0,"LOW":0,"UNKNOWN":0}',
        rejected_at: null,
        rejected_reason: null,
        rejected_source: null,
      },
    ]);

    await knex.migrate.down({ directory });
    expect(
      await knex('compliance_trivy_reports')
        .select('entity_ref', 'error')
        .orderBy('entity_ref'),
    ).toEqual([
      { entity_ref: 'component:default/a', error: 'not valid JSON' },
      { entity_ref: 'component:default/b', error: null },
    ]);
  });
});
