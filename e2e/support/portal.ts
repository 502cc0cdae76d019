import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { runCommandSync } from '../../packages/infra-validation/src/command/runCommand';
import { e2e, portalUrl } from './environment';

/**
 * The portal as production runs it: the backend bundle from `yarn build:all`
 * unpacked with `yarn workspaces focus --all --production`, NODE_ENV
 * production, PostgreSQL, OIDC sign-in, the built frontend served by the
 * backend.
 */
export function installBundle() {
  const dist = path.join(e2e.repoRoot, 'packages/backend/dist');
  for (const file of ['skeleton.tar.gz', 'bundle.tar.gz']) {
    if (!fs.existsSync(path.join(dist, file))) {
      throw new Error(`${dist}/${file} is missing: run 'yarn build:all' first`);
    }
  }
  fs.mkdirSync(e2e.bundleDir, { recursive: true });
  // Unpacked over the previous run so that an unchanged install is quick.
  for (const dir of ['packages', 'plugins']) {
    fs.rmSync(path.join(e2e.bundleDir, dir), { recursive: true, force: true });
  }
  for (const file of ['skeleton.tar.gz', 'bundle.tar.gz']) {
    runCommandSync('tar', ['xzf', path.join(dist, file), '-C', e2e.bundleDir]);
  }
  fs.cpSync(
    path.join(e2e.repoRoot, '.yarn/releases'),
    path.join(e2e.bundleDir, '.yarn/releases'),
    {
      recursive: true,
    },
  );
  // The portal's yarn patches (resolutions in the root package.json), as
  // packages/backend/Dockerfile copies them.
  fs.cpSync(
    path.join(e2e.repoRoot, '.yarn/patches'),
    path.join(e2e.bundleDir, '.yarn/patches'),
    { recursive: true },
  );
  fs.copyFileSync(
    path.join(e2e.repoRoot, '.yarnrc.yml'),
    path.join(e2e.bundleDir, '.yarnrc.yml'),
  );
  execFileSync('yarn', ['workspaces', 'focus', '--all', '--production'], {
    cwd: e2e.bundleDir,
    stdio: 'inherit',
  });
}

export function startOidcProvider(): ChildProcess {
  return spawnLogged(
    'oidc',
    process.execPath,
    [path.join(__dirname, 'oidc-idp.mjs')],
    {
      OIDC_PORT: String(e2e.oidcPort),
      OIDC_CLIENT_ID: 'gogidix-portal',
      OIDC_CLIENT_SECRET: backendSecrets.AUTH_OIDC_CLIENT_SECRET,
      PORTAL_BASE_URL: portalUrl,
    },
  );
}

/**
 * The real Alertmanager the portal reads firing alerts from, with a config
 * that routes nowhere and storage that starts empty each run.
 */
export function startAlertmanager(): ChildProcess {
  const dir = path.join(e2e.repoRoot, '.data/e2e/alertmanager');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(
    configFile,
    'route:\n  receiver: nobody\nreceivers:\n  - name: nobody\n',
  );
  return spawnLogged(
    'alertmanager',
    e2e.alertmanager,
    [
      `--config.file=${configFile}`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${e2e.alertmanagerPort}`,
      '--cluster.listen-address=',
    ],
    {},
  );
}

/**
 * The secrets the portal is started with: a test scans its log for them
 * after the run (support/secretScan.ts).
 */
export const backendSecrets = {
  AUTH_SESSION_SECRET: crypto.randomBytes(24).toString('hex'),
  AUTH_OIDC_CLIENT_SECRET: 'e2e-client-secret',
  GITLAB_TOKEN: 'e2e-unused-gitlab-token',
};

/**
 * What the reliability suite and the load bench change: another port, log
 * name, database server or git root, extra config files and environment.
 */
export interface BackendOptions {
  name?: string;
  port?: number;
  postgres?: string;
  gitRoot?: string;
  configFiles?: string[];
  env?: Record<string, string>;
}

export function startBackend(
  databasePrefix: string,
  options: BackendOptions = {},
): ChildProcess {
  const pg = new URL(options.postgres ?? e2e.postgres);
  const port = options.port ?? e2e.portalPort;
  const config = [
    path.join(e2e.repoRoot, 'app-config.yaml'),
    path.join(e2e.repoRoot, 'app-config.production.yaml'),
    path.join(e2e.repoRoot, 'e2e/app-config.e2e.yaml'),
    ...(options.configFiles ?? []),
  ].flatMap(file => ['--config', file]);
  return spawnLogged(
    options.name ?? 'portal',
    process.execPath,
    ['packages/backend', ...config],
    {
      NODE_ENV: 'production',
      PORTAL_BASE_URL: `http://localhost:${port}`,
      POSTGRES_HOST: pg.hostname,
      POSTGRES_PORT: pg.port || '5432',
      POSTGRES_USER: decodeURIComponent(pg.username) || 'postgres',
      POSTGRES_PASSWORD: decodeURIComponent(pg.password),
      AUTH_SESSION_SECRET: backendSecrets.AUTH_SESSION_SECRET,
      AUTH_OIDC_METADATA_URL: `http://localhost:${e2e.oidcPort}/.well-known/openid-configuration`,
      AUTH_OIDC_CLIENT_ID: 'gogidix-portal',
      AUTH_OIDC_CLIENT_SECRET: backendSecrets.AUTH_OIDC_CLIENT_SECRET,
      E2E_PORTAL_PORT: String(port),
      E2E_ALERTMANAGER_PORT: String(e2e.alertmanagerPort),
      E2E_DATABASE_PREFIX: databasePrefix,
      E2E_REPO_ROOT: e2e.repoRoot,
      E2E_GIT_ROOT:
        options.gitRoot ??
        path.join(e2e.repoRoot, '.data/e2e/git', databasePrefix),
      GOGIDIX_LIBRARY_CHART: path.join(
        e2e.repoRoot,
        'infra/helm/gogidix-service',
      ),
      GITHUB_ORGANISATION: 'gogidix',
      GITLAB_HOST: 'gitlab.com',
      GITLAB_TOKEN: backendSecrets.GITLAB_TOKEN,
      ...options.env,
    },
    e2e.bundleDir,
  );
}

function spawnLogged(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = e2e.repoRoot,
): ChildProcess {
  const logDir = path.join(e2e.repoRoot, '.data/e2e/logs');
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'w');
  return spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
}

/** Polls until `probe` is true; gives up early if `process` exits. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  process?: ChildProcess,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process && (process.exitCode !== null || process.signalCode)) {
      throw new Error(
        `${what}: the process ${
          process.signalCode
            ? `was killed by ${process.signalCode}`
            : `exited with code ${process.exitCode}`
        } (logs in .data/e2e/logs)`,
      );
    }
    if (await probe().catch(() => false)) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `${what} did not happen within ${
      timeoutMs / 1000
    } s (logs in .data/e2e/logs)`,
  );
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export const answers = (url: string) => async () => (await fetch(url)).ok;

/** Drops the databases a run created (Backstage makes one per plugin). */
export async function dropDatabases(prefix: string, postgres = e2e.postgres) {
  const client = new Client({ connectionString: postgres });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
