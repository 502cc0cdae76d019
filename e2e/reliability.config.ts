import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { e2e } from './support/environment';

/**
 * The reliability suite: the production build on a private PostgreSQL, run
 * as two replicas, through a database restart and a killed scaffolder run.
 * No browser: the tests speak HTTP and read metrics, the database and git.
 */
export default defineConfig({
  testDir: './reliability',
  globalSetup: require.resolve('./reliability/globalSetup'),
  timeout: 240_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(e2e.repoRoot, '.data/reliability/results'),
});
