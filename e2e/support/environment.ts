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
  /**
   * Journeys that need another role sign in as its demo user (README,
   * "Roles"): the manager of all engineering, an SRE on call, and a
   * platform admin.
   */
  roleUsers: {
    manager: { login: 'amara.okafor', displayName: 'Amara Okafor' },
    onCall: { login: 'hana.kim', displayName: 'Hana Kim' },
    platformAdmin: {
      login: 'priya.raghunathan',
      displayName: 'Priya Raghunathan',
    },
  },
};

export type E2eRole = keyof typeof e2e.roleUsers;

/** Where a role's signed-in browser state is kept (signIn.setup.ts). */
export const signedInState = (role?: E2eRole) =>
  path.join(e2e.repoRoot, `.data/e2e/signed-in${role ? `-${role}` : ''}.json`);

export const portalUrl = `http://localhost:${e2e.portalPort}`;
export const alertmanagerUrl = `http://127.0.0.1:${e2e.alertmanagerPort}`;
