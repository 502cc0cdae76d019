import { FullConfig } from '@playwright/test';
import { ChildProcess } from 'node:child_process';
import { alertmanagerUrl, e2e, portalUrl } from './environment';
import { leakedSecrets } from './secretScan';
import path from 'node:path';
import {
  answers,
  backendSecrets,
  dropDatabases,
  installBundle,
  startAlertmanager,
  startBackend,
  startOidcProvider,
  stop,
  waitFor,
} from './portal';

/**
 * Starts the OIDC provider, Alertmanager and the production portal on
 * PostgreSQL; returns the teardown that stops them and drops the run's
 * databases.
 */
export default async function globalSetup(_config: FullConfig) {
  installBundle();
  const prefix = `e2e_${Date.now()}_`;
  const children: ChildProcess[] = [];
  const teardown = async () => {
    await Promise.all(children.map(stop));
    await dropDatabases(prefix);
    // Secrets come from the environment and must never reach the log.
    const log = path.join(e2e.repoRoot, '.data/e2e/logs/portal.log');
    const leaks = leakedSecrets(log, backendSecrets);
    if (leaks.length > 0) {
      throw new Error(
        `The portal's log (${log}) holds secrets: ${leaks.join(', ')}`,
      );
    }
  };
  try {
    children.push(startOidcProvider());
    await waitFor(
      'The OIDC provider answering',
      answers(
        `http://localhost:${e2e.oidcPort}/.well-known/openid-configuration`,
      ),
      30_000,
    );
    const alertmanager = startAlertmanager();
    children.push(alertmanager);
    await waitFor(
      'Alertmanager answering',
      answers(`${alertmanagerUrl}/-/ready`),
      30_000,
      alertmanager,
    );
    const backend = startBackend(prefix);
    children.push(backend);
    await waitFor(
      'The portal becoming ready',
      answers(`${portalUrl}/.backstage/health/v1/readiness`),
      120_000,
      backend,
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
