import path from 'node:path';

/** Fixed facts of the e2e environment, shared by setup and the tests. */
export const e2e = {
  repoRoot: path.resolve(__dirname, '../..'),
  portalPort: Number(process.env.E2E_PORTAL_PORT ?? 7107),
  oidcPort: Number(process.env.E2E_OIDC_PORT ?? 7900),
  alertmanagerPort: Number(process.env.E2E_ALERTMANAGER_PORT ?? 9093),
  /** Debian's Alertmanager (scripts/bootstrap.sh installs it). */
  alertmanager: process.env.PORTAL_ALERTMANAGER ?? 'prometheus-alertmanager',
  postgres:
    process.env.PORTAL_TEST_PG ?? 'postgresql://postgres@127.0.0.1:5432',
  chromium: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
  /** Where the production bundle is unpacked and run from. */
  bundleDir: path.resolve(__dirname, '../../.data/e2e/portal'),
  /** Demo user who signs in: a platform engineer who owns api-gateway. */
  user: { login: 'jane.doe', displayName: 'Jane Doe' },
};

export const portalUrl = `http://localhost:${e2e.portalPort}`;
export const alertmanagerUrl = `http://127.0.0.1:${e2e.alertmanagerPort}`;
