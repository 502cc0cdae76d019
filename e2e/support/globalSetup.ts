import { FullConfig } from '@playwright/test';
import { ChildProcess } from 'node:child_process';
import { alertmanagerUrl, e2e, portalUrl } from './environment';
import {
  answers,
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
