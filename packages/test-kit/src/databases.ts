import type { TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always, PostgreSQL where BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 * points at one (scripts/test.sh sets it). With PORTAL_REQUIRE_POSTGRES=1,
 * as in CI, a missing PostgreSQL fails the suite instead of silently running
 * SQLite alone.
 */
export function portalTestDatabases(): TestDatabases {
  // Loaded on call, not on import: tests that use only the fixtures (the
  // frontend's among them) do not load the backend test utilities.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils: typeof import('@backstage/backend-test-utils') = require('@backstage/backend-test-utils');
  const databases = utils.TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
  if (
    process.env.PORTAL_REQUIRE_POSTGRES === '1' &&
    !databases.supports('POSTGRES_15')
  ) {
    throw new Error(
      'PostgreSQL is required (PORTAL_REQUIRE_POSTGRES=1) but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
    );
  }
  return databases;
}
