// Stock Backstage of the portal's release, for the side-by-side bench: built
// (or reused) by build.sh outside the repository, run in production mode on
// PostgreSQL with only the configuration in app-config.stock.yaml.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { e2e } from '../../../e2e/support/environment';

export const stockRelease = { backstage: '1.55.0', createApp: '0.9.2' };

/** Where build.sh keeps the generated app and its unpacked production bundle. */
export function stockDir(): string {
  return (
    process.env.PERF_STOCK_DIR ??
    path.join(
      os.homedir(),
      '.cache/gogidix-bench',
      `stock-${stockRelease.backstage}`,
    )
  );
}

/** Builds stock Backstage unless an unchanged build exists; returns its folder. */
export function buildStock(): string {
  const dir = stockDir();
  execFileSync('bash', [path.join(__dirname, 'build.sh')], {
    stdio: 'inherit',
    env: { ...process.env, PERF_STOCK_DIR: dir },
  });
  return dir;
}

/** build.sh's marker: the create-app version, input hash and build time. */
export function stockBuildInfo(): {
  createApp: string;
  backstage: string;
  inputs: string;
  buildSeconds: number;
  builtAt: string;
} {
  return JSON.parse(
    fs.readFileSync(path.join(stockDir(), 'build.json'), 'utf8'),
  );
}

export interface StockOptions {
  port: number;
  /** Database name prefix of this run, e.g. `pstock_1_`; drop them afterwards. */
  databasePrefix: string;
  /** Extra config files layered last, e.g. the bench's catalog settings. */
  configFiles?: string[];
  /** Must hold BENCH_TOKEN unless the harness's own environment does. */
  env?: Record<string, string>;
}

/** Config files stock is started with, lowest precedence first. */
export function stockConfigFiles(extra: string[] = []): string[] {
  const app = path.join(stockDir(), 'app');
  return [
    path.join(app, 'app-config.yaml'),
    path.join(app, 'app-config.production.yaml'),
    path.join(__dirname, 'app-config.stock.yaml'),
    ...extra,
  ];
}

/**
 * Starts stock's production backend, which also serves its built frontend.
 * The log goes to .data/perf/logs/stock.log.
 */
export function startStock(options: StockOptions): ChildProcess {
  const production = path.join(stockDir(), 'production');
  if (!fs.existsSync(path.join(production, 'packages/backend'))) {
    throw new Error(
      `${production} has no stock build: call buildStock() (bench/perf/stock/build.sh) first`,
    );
  }
  const token = options.env?.BENCH_TOKEN ?? process.env.BENCH_TOKEN;
  if (!token) {
    throw new Error('startStock: BENCH_TOKEN is needed for external access');
  }
  const pg = new URL(e2e.postgres);
  const logDir = path.join(e2e.repoRoot, '.data/perf/logs');
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.openSync(path.join(logDir, 'stock.log'), 'w');
  const config = stockConfigFiles(options.configFiles).flatMap(file => [
    '--config',
    file,
  ]);
  return spawn(process.execPath, ['packages/backend', ...config], {
    cwd: production,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      STOCK_PORT: String(options.port),
      STOCK_DATABASE_PREFIX: options.databasePrefix,
      POSTGRES_HOST: pg.hostname,
      POSTGRES_PORT: pg.port || '5432',
      POSTGRES_USER: decodeURIComponent(pg.username) || 'postgres',
      POSTGRES_PASSWORD: decodeURIComponent(pg.password),
      BENCH_TOKEN: token,
      ...options.env,
    },
    stdio: ['ignore', log, log],
  });
}

export interface StockPermissionSetup {
  /** `permission.enabled` in create-app's app-config.yaml. */
  enabled: boolean;
  /** The permission policy module create-app's backend adds. */
  policyModules: string[];
}

/** What stock ships for permissions, read from the generated app itself. */
export function stockPermissionSetup(): StockPermissionSetup {
  const app = path.join(stockDir(), 'app');
  const config = YAML.parse(
    fs.readFileSync(path.join(app, 'app-config.yaml'), 'utf8'),
  );
  const backend = fs.readFileSync(
    path.join(app, 'packages/backend/src/index.ts'),
    'utf8',
  );
  const policyModules = [
    ...backend.matchAll(
      /^\s*import\('(@backstage\/plugin-permission-backend-module-[\w-]+)'\)/gm,
    ),
  ].map(match => match[1]);
  return { enabled: config?.permission?.enabled === true, policyModules };
}

/**
 * Where stock's frontend shows the catalog: create-app's app-config.yaml
 * mounts the catalog page at `/` (an `page:catalog` extension override).
 */
export function stockCatalogPath(): string {
  const config = YAML.parse(
    fs.readFileSync(path.join(stockDir(), 'app', 'app-config.yaml'), 'utf8'),
  );
  const override = (config?.app?.extensions ?? []).find(
    (extension: unknown) =>
      typeof extension === 'object' &&
      extension !== null &&
      'page:catalog' in extension,
  );
  return override?.['page:catalog']?.config?.path ?? '/catalog';
}

/**
 * The catalog table's entity rows in stock's frontend: a row holding a link
 * (an empty table has one row, "No records to display", without one). Stock
 * renders no <main> element around it.
 */
export const stockCatalogRowsSelector = 'table tbody tr:has(a)';

/**
 * Serves the YAML files under `dir` on loopback, for registering them as
 * `url` locations: the catalog API refuses `file` locations on stock (its
 * allowed location types can only be widened in code), and
 * app-config.stock.yaml lets stock read loopback URLs.
 */
export async function serveLocationFiles(
  dir: string,
  port: number,
): Promise<http.Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const file = path.resolve(
      root,
      `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`,
    );
    const servable =
      file.startsWith(`${root}${path.sep}`) &&
      /\.ya?ml$/.test(file) &&
      fs.existsSync(file);
    if (req.method !== 'GET' || !servable) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/yaml' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
