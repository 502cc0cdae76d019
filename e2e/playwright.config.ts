import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { e2e, portalUrl, signedInState } from './support/environment';

/**
 * User journeys through the production build of the portal on PostgreSQL,
 * signed in through a real OIDC provider, in Debian's Chromium.
 */
export default defineConfig({
  testDir: './tests',
  globalSetup: require.resolve('./support/globalSetup'),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: path.join(e2e.repoRoot, '.data/e2e/report'),
      },
    ],
  ],
  outputDir: path.join(e2e.repoRoot, '.data/e2e/results'),
  use: {
    baseURL: portalUrl,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: e2e.chromium,
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
  projects: [
    { name: 'sign-in', testMatch: /signIn\.setup\.ts/ },
    {
      name: 'journeys',
      dependencies: ['sign-in'],
      use: {
        storageState: signedInState(),
      },
    },
  ],
});
