import { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { e2e } from '../../../e2e/support/environment';
import {
  answers,
  startAlertmanager,
  startBackend,
  startOidcProvider,
  stop,
  waitFor,
} from '../../../e2e/support/portal';

export const perfDir = path.resolve(__dirname, '..');

/** The portal's production backend with the benchmark's config layers. */
export async function startPortal(options: {
  port: number;
  databasePrefix: string;
  token: string;
  configFiles: string[];
  env?: Record<string, string>;
}): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [startOidcProvider(), startAlertmanager()];
  try {
    children.push(await startPortalBackend(options));
  } catch (error) {
    await Promise.all(children.map(stop));
    throw error;
  }
  return children;
}

/**
 * One portal backend, ready to answer; the stand-ins (OIDC, Alertmanager)
 * are {@link startPortal}'s. A second one on the same `databasePrefix` is a
 * replica: it shares the databases, as two pods of the Helm chart do.
 */
export async function startPortalBackend(options: {
  port: number;
  databasePrefix: string;
  token: string;
  configFiles: string[];
  env?: Record<string, string>;
  /** The log's name, `.data/e2e/logs/<name>.log`; default `perf-portal`. */
  name?: string;
}): Promise<ChildProcess> {
  const backend = startBackend(options.databasePrefix, {
    name: options.name ?? 'perf-portal',
    port: options.port,
    configFiles: [
      path.join(perfDir, 'app-config.perf.yaml'),
      ...options.configFiles,
    ],
    env: {
      BENCH_TOKEN: options.token,
      // e.g. --cpu-prof --cpu-prof-dir=/tmp/prof, to see where the time goes.
      ...(process.env.PERF_PORTAL_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.PERF_PORTAL_NODE_OPTIONS }
        : {}),
      ...options.env,
    },
  });
  try {
    await waitFor(
      `The portal (${options.name ?? 'perf-portal'}) becoming ready`,
      answers(
        `http://localhost:${options.port}/.backstage/health/v1/readiness`,
      ),
      240_000,
      backend,
    );
  } catch (error) {
    await stop(backend);
    throw error;
  }
  return backend;
}

export const portalLogs = path.join(e2e.repoRoot, '.data/e2e/logs');
