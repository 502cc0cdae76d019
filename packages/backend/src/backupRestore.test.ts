import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { runCommand } from '@gogidix/infra-validation';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { portalBackendFeatures } from './features';
import {
  appCatalogConfig,
  readAppConfig,
  repoRoot,
} from './__testUtils__/appConfig';
import { catalogProblems } from './__testUtils__/catalogProblems';

const script = path.join(repoRoot, 'infra/backup/portal-databases.sh');
const connection =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
if (!connection && process.env.PORTAL_REQUIRE_POSTGRES === '1') {
  throw new Error(
    'PORTAL_REQUIRE_POSTGRES=1 but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set',
  );
}

jest.setTimeout(300_000);

/**
 * Databases of this run only: other runs and engineers share the server, and
 * a pid and a clock reading can repeat across machines.
 */
const prefix = `backup_test_${randomBytes(6).toString('hex')}_`;

/** The portal backend as production runs it, on PostgreSQL under `prefix`. */
function startPortal() {
  const appConfig = readAppConfig();
  return startTestBackend({
    features: [
      ...portalBackendFeatures({ NODE_ENV: 'test' }),
      databaseServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          ...appConfig,
          backend: {
            baseUrl: 'http://localhost:7007',
            database: { client: 'pg', connection: connection!, prefix },
          },
          catalog: appCatalogConfig(),
          // The test's mock credentials are not tokens the real permission
          // backend accepts; what is restored does not depend on permissions.
          permission: { enabled: false },
        },
      }),
    ],
  });
}

/** libpq's environment for the script, from the test connection string. */
function libpqEnv(): NodeJS.ProcessEnv {
  const url = new URL(connection!);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(url.password),
    PORTAL_DB_PREFIX: prefix,
  };
}

/** A client on one database of the test server. */
async function connectTo(database: string): Promise<Client> {
  const url = new URL(connection!);
  url.pathname = `/${encodeURIComponent(database)}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connectTo('postgres');
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ourDatabases(): Promise<string[]> {
  return withAdmin(async client => {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1',
      [prefix],
    );
    return rows.map(row => row.datname);
  });
}

async function dropOurDatabases() {
  for (const name of await ourDatabases()) {
    await withAdmin(client =>
      client.query(`DROP DATABASE "${name.replace(/"/g, '""')}" WITH (FORCE)`),
    );
  }
}

/** Entity refs as the catalog's own table holds them. */
async function storedEntityRefs(): Promise<string[]> {
  const client = await connectTo(`${prefix}catalog`);
  try {
    const { rows } = await client.query(
      'SELECT entity_ref FROM final_entities WHERE final_entity IS NOT NULL ORDER BY 1',
    );
    return rows.map(row => row.entity_ref);
  } finally {
    await client.end();
  }
}

const refOf = (e: {
  kind: string;
  metadata: { namespace?: string; name: string };
}) =>
  `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${
    e.metadata.name
  }`;

(connection ? describe : describe.skip)(
  'backing up and restoring the portal databases',
  () => {
    const dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'));
    afterAll(async () => {
      await dropOurDatabases();
      fs.rmSync(dumpDir, { recursive: true, force: true });
    });

    it('restores the same catalog and user settings after every database is dropped', async () => {
      // 1. The portal runs and has data: the demo catalog and a user setting.
      let backend = await startPortal();
      let before: string[];
      try {
        const { entities, problems } = await catalogProblems(backend.server);
        expect(problems).toEqual([]);
        before = entities.map(refOf).sort();
        expect(before).toContain('component:default/gogidix-portal');
        const put = await request(backend.server)
          .put('/api/user-settings/buckets/portal/keys/backup-canary')
          .send({ value: { restoredFrom: prefix } });
        expect(put.status).toBe(200);
      } finally {
        await backend.stop();
      }
      const databases = await ourDatabases();
      expect(databases).toEqual(
        expect.arrayContaining([`${prefix}catalog`, `${prefix}user-settings`]),
      );
      expect(await storedEntityRefs()).toEqual(before);

      // 2. Dump every database, then lose them all.
      await runCommand(script, ['dump', dumpDir], { env: libpqEnv() });
      expect(fs.readdirSync(dumpDir).sort()).toEqual(
        ['SHA256SUMS', ...databases.map(db => `${db}.dump`)].sort(),
      );
      await dropOurDatabases();
      expect(await ourDatabases()).toEqual([]);

      // 3. Restore; the tables hold the same catalog...
      await runCommand(script, ['restore', dumpDir], { env: libpqEnv() });
      expect(await ourDatabases()).toEqual(databases);
      expect(await storedEntityRefs()).toEqual(before);

      // ...and the portal, started on them, serves the same catalog and the
      // setting that only the database held.
      backend = await startPortal();
      try {
        const entities = await request(backend.server).get(
          '/api/catalog/entities',
        );
        expect(entities.body.map(refOf).sort()).toEqual(before);
        const setting = await request(backend.server).get(
          '/api/user-settings/buckets/portal/keys/backup-canary',
        );
        expect(setting.body.value).toEqual({ restoredFrom: prefix });
      } finally {
        await backend.stop();
      }
    });

    it('refuses to restore over existing databases without --replace', async () => {
      await expect(
        runCommand(script, ['restore', dumpDir], { env: libpqEnv() }),
      ).rejects.toMatchObject({
        stderr: expect.stringMatching(
          /exists: stop the portal and pass --replace/,
        ),
      });
      await runCommand(script, ['restore', '--replace', dumpDir], {
        env: libpqEnv(),
      });
      expect(await storedEntityRefs()).toContain(
        'component:default/gogidix-portal',
      );
    });

    it('refuses a dump that does not match its checksums', async () => {
      const [dump] = fs.readdirSync(dumpDir).filter(f => f.endsWith('.dump'));
      fs.appendFileSync(path.join(dumpDir, dump), 'tampered');
      await expect(
        runCommand(script, ['restore', '--replace', dumpDir], {
          env: libpqEnv(),
        }),
      ).rejects.toMatchObject({
        stderr: expect.stringMatching(
          /does not match SHA256SUMS; not restoring/,
        ),
      });
    });
  },
);
