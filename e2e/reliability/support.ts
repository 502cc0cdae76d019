import { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommandSync } from '../../packages/infra-validation/src/command/runCommand';
import { e2e } from '../support/environment';
import { answers, startBackend, stop, waitFor } from '../support/portal';

/**
 * Fixed facts of the reliability suite: a private PostgreSQL it may stop
 * and start (never the machine's shared one), and ports for the replicas.
 */
export const reliability = {
  pgPort: Number(process.env.RELIABILITY_PG_PORT ?? 55432),
  pgBin: process.env.RELIABILITY_PG_BIN ?? '/usr/lib/postgresql/15/bin',
  /** Portal and metrics ports of replica a and b. */
  replicas: {
    a: {
      port: Number(process.env.RELIABILITY_PORT_A ?? 7142),
      metricsPort: Number(process.env.RELIABILITY_METRICS_PORT_A ?? 7143),
    },
    b: {
      port: Number(process.env.RELIABILITY_PORT_B ?? 7144),
      metricsPort: Number(process.env.RELIABILITY_METRICS_PORT_B ?? 7145),
    },
  },
  dataDir: path.join(e2e.repoRoot, '.data/reliability'),
  /** The static external-access token the suite's requests carry. */
  token:
    process.env.RELIABILITY_TOKEN ?? crypto.randomBytes(24).toString('hex'),
};
process.env.RELIABILITY_TOKEN = reliability.token;

export const privatePostgresUrl = () =>
  `postgresql://postgres@127.0.0.1:${reliability.pgPort}`;

/**
 * A PostgreSQL 15 cluster of its own in a temporary folder (trust auth,
 * loopback only), which the suite stops and starts at will. As root, the
 * server runs as the `postgres` user: PostgreSQL refuses to run as root.
 */
export class PrivatePostgres {
  private constructor(private readonly dir: string) {}

  static create(): PrivatePostgres {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gogidix-pg-'));
    const server = new PrivatePostgres(dir);
    if (process.getuid?.() === 0) {
      runCommandSync('chown', ['postgres:postgres', dir]);
    }
    server.pg('initdb', [
      '-D',
      server.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
    ]);
    return server;
  }

  /** The cluster the global setup started (RELIABILITY_PG_DATA). */
  static started(): PrivatePostgres {
    const dataDir = process.env.RELIABILITY_PG_DATA;
    if (!dataDir) {
      throw new Error(
        'RELIABILITY_PG_DATA is not set: run through reliability.config.ts',
      );
    }
    return new PrivatePostgres(path.dirname(dataDir));
  }

  get dataDir() {
    return path.join(this.dir, 'data');
  }

  start() {
    this.pg('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'postgres.log'),
      '-o',
      // Two replicas of ~20 plugins each open many pools.
      `-p ${reliability.pgPort} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off`,
      '-w',
      'start',
    ]);
  }

  /** Fast shutdown: open connections are cut, as in a failover. */
  stop() {
    this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  destroy() {
    try {
      this.stop();
    } catch {
      // Already stopped.
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private pg(tool: string, args: string[]) {
    const binary = path.join(reliability.pgBin, tool);
    if (process.getuid?.() === 0) {
      runCommandSync('runuser', ['-u', 'postgres', '--', binary, ...args]);
    } else {
      runCommandSync(binary, args);
    }
  }
}

export interface Replica {
  name: string;
  baseUrl: string;
  metricsUrl: string;
  process: ChildProcess;
}

/**
 * One production portal process on the private PostgreSQL with the
 * suite's config layered on the e2e one; resolves once it is ready.
 */
export async function startReplica(options: {
  name: 'a' | 'b';
  databasePrefix: string;
  gitRoot: string;
}): Promise<Replica> {
  const { port, metricsPort } = reliability.replicas[options.name];
  const child = startBackend(options.databasePrefix, {
    name: `${options.databasePrefix}${options.name}`,
    port,
    postgres: privatePostgresUrl(),
    gitRoot: options.gitRoot,
    configFiles: [path.join(__dirname, 'app-config.reliability.yaml')],
    env: {
      PORTAL_METRICS_PORT: String(metricsPort),
      RELIABILITY_TOKEN: reliability.token,
    },
  });
  const replica = {
    name: options.name,
    baseUrl: `http://localhost:${port}`,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    process: child,
  };
  await waitFor(
    `Replica ${options.name} becoming ready`,
    answers(`${replica.baseUrl}/.backstage/health/v1/readiness`),
    180_000,
    child,
  );
  return replica;
}

export async function stopReplica(replica: Replica | undefined) {
  if (replica) {
    await stop(replica.process);
  }
}

/** A GET with the suite's token; returns status and parsed body. */
export async function get(
  replica: Replica,
  apiPath: string,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${replica.baseUrl}${apiPath}`, {
    headers: { authorization: `Bearer ${reliability.token}` },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the assertion message.
  }
  return { status: response.status, body };
}

export async function post(
  replica: Replica,
  apiPath: string,
  json: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${replica.baseUrl}${apiPath}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${reliability.token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(json),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: await response.json() };
}

/** Sums a Prometheus counter's samples per value of one label. */
export async function counterByLabel(
  replica: Replica,
  metric: string,
  label: string,
  filter: Record<string, string> = {},
): Promise<Map<string, number>> {
  const text = await (await fetch(replica.metricsUrl)).text();
  const sums = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/);
    if (!match || match[1] !== metric) {
      continue;
    }
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(m => [
        m[1],
        m[2],
      ]),
    );
    if (Object.entries(filter).some(([k, v]) => labels[k] !== v)) {
      continue;
    }
    const key = labels[label] ?? '';
    sums.set(key, (sums.get(key) ?? 0) + Number(match[3]));
  }
  return sums;
}

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));
