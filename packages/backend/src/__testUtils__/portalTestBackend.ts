import { createBackend } from '@backstage/backend-defaults';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { freePort } from '@gogidix/test-kit';
import { portalBackend } from '../portalBackend';
import path from 'node:path';
import { appCatalogConfig, readAppConfig, repoRoot } from './appConfig';

/** A running portal backend for a test. */
export interface PortalTestBackend {
  /** `http://127.0.0.1:<port>`: what supertest and fetch call. */
  baseUrl: string;
  stop(): Promise<void>;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Starts the backend production runs, as `index.ts` does: Backstage's
 * default services and `portalBackend()` (every plugin and module, the root
 * HTTP router with the request limits, the forked plugin HTTP router). Test
 * config replaces the schema-checked files: the committed app-config.yaml,
 * `config` merged over it key by key, a loopback port and in-memory SQLite;
 * logs are kept quiet. `features` adds what a test needs on top: test
 * doubles for services, stand-in plugins.
 *
 * The root router reads its port from config and discovery needs it before
 * the start, so the port is one the kernel just picked, not port 0.
 */
export async function startPortalTestBackend(
  options: {
    config?: JsonObject;
    features?: BackendFeature[];
    /**
     * For tests of what the backend does with a request, not of who may
     * make it (the route matrix tests that): callers are who their
     * `mockCredentials` header says, and the permission framework is off.
     */
    mockCallers?: boolean;
  } = {},
): Promise<PortalTestBackend> {
  const base = readAppConfig();
  // The delivery demo reads 90 days of demo deployments through its GitHub
  // stand-in 30 s after start, thousands of requests that compete with the
  // test for the event loop; a test that needs it sets delivery itself.
  // The SLO demo's first evaluation fills an hourly snapshot for each day of
  // history (720 rounds over the demo catalog at app-config.yaml's 30 days);
  // two days give every SLO a status and a burn-down, which is what the
  // backend's tests read. The first compliance round comes at once rather
  // than after 45 s; a test that reads rounds starts them itself once the
  // catalog is in (scheduledRounds.ts). A test can set either itself.
  const config: JsonObject = {
    ...base,
    delivery: { demo: false },
    slo: { ...(isObject(base.slo) ? base.slo : {}), historyDays: 2 },
    compliance: {
      ...(isObject(base.compliance) ? base.compliance : {}),
      firstRoundSeconds: 0,
    },
  };
  for (const [key, value] of Object.entries(options.config ?? {})) {
    const before = base[key];
    config[key] =
      isObject(before) && isObject(value) ? { ...before, ...value } : value;
  }
  if (options.mockCallers) {
    config.permission = { enabled: false };
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // app-config.yaml's backend section (the actions MCP serves, among
  // others) under the test's own, then the loopback port and database.
  const backendConfig = options.config?.backend;
  config.backend = {
    ...(isObject(base.backend) ? base.backend : {}),
    ...(isObject(backendConfig) ? backendConfig : {}),
    baseUrl,
    listen: { host: '127.0.0.1', port },
    database: { client: 'better-sqlite3', connection: ':memory:' },
  };
  const backend = createBackend();
  for (const feature of [
    ...portalBackend({
      env: { NODE_ENV: 'test' },
      rootConfig: mockServices.rootConfig.factory({ data: config }),
      httpAuth: options.mockCallers
        ? mockServices.httpAuth.factory()
        : undefined,
    }),
    mockServices.rootLogger.factory(),
    ...(options.mockCallers
      ? [mockServices.auth.factory(), mockServices.userInfo.factory()]
      : []),
    ...(options.features ?? []),
  ]) {
    backend.add(feature);
  }
  await backend.start();
  return { baseUrl, stop: () => backend.stop() };
}

/**
 * Config for running the golden path: a catalog of just the TypeScript
 * service template and the teams and systems its form checks, publishing
 * into a local git under `gitRoot`, and no demo cost bill.
 */
export function goldenPathConfig(gitRoot: string): JsonObject {
  return {
    app: { baseUrl: 'http://portal.test' },
    catalog: {
      ...appCatalogConfig(),
      locations: [
        'templates/typescript-service/template.yaml',
        'demo/org/groups.yaml',
        'demo/systems.yaml',
      ].map(target => ({
        type: 'file',
        target: path.resolve(repoRoot, target),
      })),
    },
    cost: { demo: false },
    gogidix: {
      localGit: { root: gitRoot, baseUrl: 'https://git.portal.test' },
      platform: {
        libraryChart: path.join(repoRoot, 'infra/helm/gogidix-service'),
      },
    },
    scaffolder: {
      defaultEnvironment: { parameters: { publishTarget: 'local' } },
    },
  };
}
