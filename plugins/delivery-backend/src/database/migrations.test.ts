import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { portalTestDatabases } from '@gogidix/test-kit';

const databases = portalTestDatabases();
const directory = resolvePackagePath(
  '@gogidix/plugin-delivery-backend',
  'migrations',
);
const TABLES = [
  'delivery_deployments',
  'delivery_incidents',
  'delivery_alerts',
  'delivery_service_versions',
  'delivery_period_rollups',
];

describe.each(databases.eachSupportedId())('delivery migrations on %s', id => {
  it('migrate up and all the way down again', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory });
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    await knex.migrate.rollback({ directory }, true);
    for (const table of TABLES) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('delivery_deployments')).toBe(true);
  });
});
