import { portalTestDatabases } from './databases';

const PG_VARIABLE = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/** Calls portalTestDatabases() under `env` (collection time: it adds hooks). */
function createUnder(env: Record<string, string | undefined>) {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return { databases: portalTestDatabases() };
  } catch (error) {
    return { error };
  } finally {
    process.env = saved;
  }
}

describe('portalTestDatabases', () => {
  const required = createUnder({
    [PG_VARIABLE]: undefined,
    PORTAL_REQUIRE_POSTGRES: '1',
  });
  const optional = createUnder({
    [PG_VARIABLE]: undefined,
    PORTAL_REQUIRE_POSTGRES: undefined,
  });
  const withPostgres = createUnder({
    [PG_VARIABLE]: 'postgresql://postgres@127.0.0.1:1',
    PORTAL_REQUIRE_POSTGRES: '1',
  });

  it('refuses to run without PostgreSQL when PostgreSQL is required', () => {
    expect(String(required.error)).toMatch(/PostgreSQL is required/);
  });

  it('runs on SQLite alone when PostgreSQL is not required', () => {
    expect(optional.databases?.eachSupportedId()).toEqual([['SQLITE_3']]);
  });

  it('runs on both where a PostgreSQL is named', () => {
    expect(withPostgres.databases?.eachSupportedId()).toEqual([
      ['SQLITE_3'],
      ['POSTGRES_15'],
    ]);
  });
});
