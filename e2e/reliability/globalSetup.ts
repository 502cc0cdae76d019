import { FullConfig } from '@playwright/test';
import { ChildProcess } from 'node:child_process';
import { alertmanagerUrl, e2e } from '../support/environment';
import {
  answers,
  installBundle,
  startAlertmanager,
  startOidcProvider,
  stop,
  waitFor,
} from '../support/portal';
import { PrivatePostgres } from './support';

/**
 * Unpacks the production bundle and starts what every test shares: the
 * private PostgreSQL, the OIDC provider and Alertmanager. Each test starts
 * its own portal processes.
 */
export default async function globalSetup(_config: FullConfig) {
  installBundle();
  const postgres = PrivatePostgres.create();
  const children: ChildProcess[] = [];
  const teardown = async () => {
    await Promise.all(children.map(stop));
    postgres.destroy();
  };
  try {
    postgres.start();
    process.env.RELIABILITY_PG_DATA = postgres.dataDir;
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
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
