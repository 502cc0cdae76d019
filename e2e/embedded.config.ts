import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * One journey per role against the embedded default (`scripts/start.sh`:
 * dev servers, SQLite, guest sign-in, the observability loop), on ports of
 * its own so it runs beside a portal started on 3000/7007 and beside the e2e
 * suite. This config starts the loop and the dev frontend; the journeys run
 * against a dev backend signed in as their role's user (embedded/support.ts),
 * because the guest is one fixed user per backend process; a role's
 * journeys run together on one. docs/observability-loop.md says more.
 *
 *   yarn playwright test -c e2e/embedded.config.ts
 */
const repoRoot = path.resolve(__dirname, '..');
export const embedded = {
  repoRoot,
  frontend: 3300,
  backend: 7307,
  prometheus: 9590,
  exporter: 9591,
  alertmanager: 9593,
  dataDir: path.join(repoRoot, '.data/e2e-embedded'),
  /**
   * One demo user per role (README "Roles", demo/org/users.yaml): each
   * journey's backend signs its guest in as that user.
   */
  users: {
    developer: 'user:default/jane.doe',
    manager: 'user:default/amara.okafor',
    onCall: 'user:default/diego.martinez',
    admin: 'user:default/priya.raghunathan',
  },
};

const frontendUrl = `http://localhost:${embedded.frontend}`;
const backendUrl = `http://localhost:${embedded.backend}`;

/** The backend's settings as start.sh gives them, on this suite's ports. */
export const backendEnv: Record<string, string> = {
  APP_CONFIG_app_baseUrl: frontendUrl,
  APP_CONFIG_backend_baseUrl: backendUrl,
  APP_CONFIG_backend_listen_port: String(embedded.backend),
  APP_CONFIG_backend_cors_origin: frontendUrl,
  APP_CONFIG_backend_database_connection_directory: path.join(
    embedded.dataDir,
    'sqlite',
  ),
  APP_CONFIG_slo_prometheus_baseUrl: `http://127.0.0.1:${embedded.prometheus}`,
  APP_CONFIG_onCall_alertmanager_baseUrl: `http://127.0.0.1:${embedded.alertmanager}`,
  // A created service is evaluated within a minute instead of five.
  APP_CONFIG_compliance_roundMinutes: '1',
};

export default defineConfig({
  testDir: './embedded',
  timeout: 480_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(repoRoot, '.data/e2e-embedded/results'),
  use: {
    baseURL: `http://localhost:${embedded.frontend}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'scripts/observability-loop.sh',
      cwd: repoRoot,
      env: {
        PORTAL_OBSERVABILITY_DIR: path.join(embedded.dataDir, 'observability'),
        PORTAL_PROMETHEUS_PORT: String(embedded.prometheus),
        PORTAL_EXPORTER_PORT: String(embedded.exporter),
        PORTAL_ALERTMANAGER_PORT: String(embedded.alertmanager),
      },
      url: `http://127.0.0.1:${embedded.alertmanager}/-/ready`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      // The frontend of the embedded default as `yarn start` runs it
      // (packages/app `start`). The journeys start a backend per role
      // (embedded/support.ts): the guest is one fixed user per backend.
      // One SQLite folder for the whole run, fresh at its start, so the
      // admin reads the audit events of the journeys before.
      command: `rm -rf ${embedded.dataDir}/sqlite && mkdir -p ${embedded.dataDir}/sqlite && yarn workspace app start`,
      cwd: repoRoot,
      env: {
        APP_CONFIG_app_baseUrl: frontendUrl,
        APP_CONFIG_backend_baseUrl: backendUrl,
        BROWSER: 'none',
      },
      url: frontendUrl,
      timeout: 600_000,
      reuseExistingServer: false,
    },
  ],
});
