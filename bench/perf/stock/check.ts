// Proves the stock side of the bench works end to end (README.md here):
//   node --require @backstage/cli/config/nodeTransform.cjs bench/perf/stock/check.ts [config...]
// Builds or reuses stock, starts it on PostgreSQL (STOCK_PORT, 7300), checks
// that the catalog API wants the bench token, registers a YAML file served on
// loopback (STOCK_FILES_PORT, 7301) as a url location, waits for its
// entities, then signs in as guest in Chromium and waits for the catalog
// rows. Screenshot: .data/perf/stock-catalog.png.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../frontend/measure';
import { e2e } from '../../../e2e/support/environment';
import {
  answers,
  dropDatabases,
  stop,
  waitFor,
} from '../../../e2e/support/portal';
import {
  buildStock,
  stockBuildInfo,
  serveLocationFiles,
  startStock,
  stockCatalogPath,
  stockCatalogRowsSelector,
  stockPermissionSetup,
} from './stock';

const port = Number(process.env.STOCK_PORT ?? 7300);
const base = `http://localhost:${port}`;
const filesPort = Number(process.env.STOCK_FILES_PORT ?? 7301);
const databasePrefix = 'pstock_check_';
const token = crypto.randomBytes(24).toString('hex');
const workDir = path.join(e2e.repoRoot, '.data/perf/stock-check');
const failedScreenshot = path.join(workDir, 'failed.png');

const components = ['alpha', 'beta', 'gamma'];

/** Writes the entities file; returns its name within workDir. */
function writeEntities(): string {
  fs.mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, 'entities.yaml');
  const docs = [
    `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: check-team }
spec: { type: team, children: [] }`,
    ...components.map(
      name => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: group:check-team }`,
    ),
  ];
  fs.writeFileSync(file, `${docs.join('\n---\n')}\n`);
  return path.basename(file);
}

async function status(url: string, init?: RequestInit) {
  return (await fetch(url, init)).status;
}

async function main() {
  buildStock();
  console.log('stock build:', stockBuildInfo());
  console.log('stock permissions:', stockPermissionSetup());
  await dropDatabases(databasePrefix);
  const stock = startStock({
    port,
    databasePrefix,
    // Extra config files, e.g. the bench's shared catalog settings.
    configFiles: process.argv.slice(2).map(file => path.resolve(file)),
    // The shared catalog settings allow reading the workload on this port.
    env: { BENCH_TOKEN: token },
  });
  const auth = { authorization: `Bearer ${token}` };
  const files = await serveLocationFiles(workDir, filesPort);
  try {
    const startedAt = Date.now();
    await waitFor(
      'stock backend ready',
      answers(`${base}/.backstage/health/v1/readiness`),
      240_000,
      stock,
    );
    console.log(`stock ready on ${base} in ${Date.now() - startedAt} ms`);

    const list = `${base}/api/catalog/entities/by-query?limit=20`;
    const withToken = await status(list, { headers: auth });
    const withoutToken = await status(list);
    console.log(
      `by-query: ${withToken} with the token, ${withoutToken} without`,
    );
    if (withToken !== 200 || withoutToken !== 401) {
      throw new Error('the catalog API does not answer 200 / 401 as expected');
    }

    const entities = writeEntities();
    const register = (type: string, target: string) =>
      fetch(`${base}/api/catalog/locations`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type, target }),
      });
    const asFile = await register('file', path.join(workDir, entities));
    console.log(
      `POST /api/catalog/locations type file: ${
        asFile.status
      } ${await asFile.text()}`,
    );
    const target = `http://localhost:${filesPort}/${entities}`;
    const location = await register('url', target);
    console.log(
      `POST /api/catalog/locations type url ${target}: ${location.status}`,
    );
    if (!location.ok) {
      throw new Error(await location.text());
    }
    await waitFor(
      'the registered components in the catalog',
      async () => {
        const response = await fetch(
          `${base}/api/catalog/entities/by-query?filter=kind=component`,
          { headers: auth },
        );
        const { items } = await response.json();
        return items.length === components.length;
      },
      120_000,
      stock,
    );
    console.log(`${components.length} components ingested`);

    const browser = await chromium.launch({
      executablePath: e2e.chromium,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/`);
      // Stock's only sign-in; the guest session survives the reload below.
      const enter = page.getByRole('button', { name: 'Enter' });
      await enter.click();
      // Navigating before the sign-in round trip ends loses it.
      await enter.waitFor({ state: 'detached' });
      await page.goto(`${base}${stockCatalogPath()}`);
      const rows = page.locator(stockCatalogRowsSelector);
      await rows
        .first()
        .waitFor({ timeout: 60_000 })
        .catch(async error => {
          await page.screenshot({ path: failedScreenshot });
          throw error;
        });
      const names = await rows.locator('td:first-child a').allInnerTexts();
      const link = await rows.first().locator('a').first().getAttribute('href');
      console.log(
        `catalog page ${stockCatalogPath()}: ${
          names.length
        } rows (${stockCatalogRowsSelector}): ${names.join(
          ', ',
        )}; first links to ${link}`,
      );
      if (names.length !== components.length) {
        throw new Error(`expected ${components.length} catalog rows`);
      }
      await page.screenshot({
        path: path.join(e2e.repoRoot, '.data/perf/stock-catalog.png'),
        fullPage: true,
      });
    } finally {
      await browser.close();
    }
  } finally {
    files.close();
    await stop(stock);
    await dropDatabases(databasePrefix);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
