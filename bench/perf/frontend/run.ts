// See README.md. Measures the catalog page of the production portal (started
// here: bundle, PostgreSQL, OIDC, the demo organisation), or of an app
// already running at a URL that signs in as guest (stock Backstage).
//
//   run.ts portal [runs]
//   run.ts pages [runs]    the catalog, SLO, cost and compliance pages, cold
//   run.ts guest <baseUrl> [runs] [path]   (stock mounts its catalog at /)
import crypto from 'node:crypto';
import path from 'node:path';
import { e2e } from '../../../e2e/support/environment';
import {
  dropDatabases,
  installBundle,
  stop,
} from '../../../e2e/support/portal';
import { startPortal } from '../lib/portal';
import { Page, chromium } from '@playwright/test';
import {
  CATALOG_ROW_SELECTOR,
  CHROMIUM_ARGS,
  CatalogPageResult,
  measureCatalogPage,
  signedInState,
} from './measure';
import { summarise } from './spread';
import { guestSignIn, portalSignIn } from './signIn';

const kib = (bytes: number) => (bytes / 1024).toFixed(0);

function report(result: CatalogPageResult) {
  console.log(
    `\n${result.label}: ${result.cold.length} runs, median (min-max); ` +
      `rows = '${CATALOG_ROW_SELECTOR}'`,
  );
  for (const load of ['cold', 'warm'] as const) {
    const s = summarise(result[load]);
    console.log(
      `  ${load}: rows shown ${s.rowsShownMs.median} ms ` +
        `(${s.rowsShownMs.min}-${s.rowsShownMs.max}), ` +
        `JS ${kib(s.jsBytes.median)} KiB (${kib(s.jsBytes.min)}-${kib(
          s.jsBytes.max,
        )}) in ${s.jsRequests.median} responses, ` +
        `${s.jsFromCache.median} from cache, ` +
        `total ${kib(s.totalBytes.median)} KiB`,
    );
  }
  console.log(JSON.stringify(result));
}

/** Runs `measure` against the production portal started here, then stops it. */
async function withPortal(measure: (baseUrl: string) => Promise<void>) {
  installBundle();
  const port = e2e.portalPort;
  const prefix = `pfront_${Date.now()}_`;
  const children = await startPortal({
    port,
    databasePrefix: prefix,
    token: crypto.randomBytes(24).toString('hex'),
    configFiles: [],
  });
  try {
    await measure(`http://localhost:${port}`);
  } finally {
    await Promise.all(children.map(stop));
    await dropDatabases(prefix);
  }
}

const measurePortal = (runs: number) =>
  withPortal(async baseUrl =>
    report(
      await measureCatalogPage({
        baseUrl,
        signIn: portalSignIn(e2e.user.login),
        runs,
        label: 'portal',
      }),
    ),
  );

/**
 * The pages a manager opens first, and what on each is its meaningful
 * content: the first table row linking to an entity (a service, system or
 * team), which each page renders only once its figures have arrived. (Not
 * scoped to `main`: the cost and compliance pages render without one.)
 */
export const ORG_PAGES = [
  { path: '/catalog', readySelector: CATALOG_ROW_SELECTOR },
  { path: '/slo', readySelector: 'table tbody tr a[href*="/catalog/"]' },
  { path: '/cost', readySelector: 'table tbody tr a[href*="/catalog/"]' },
  {
    path: '/compliance',
    readySelector: 'table tbody tr a[href*="/catalog/"]',
  },
];

/**
 * Opens `path` until its meaningful content shows (the demo data is loaded
 * at start, so the first minutes may show an empty page), or says which
 * element it waited for and what the page showed instead.
 */
async function waitForContent(
  baseUrl: string,
  signIn: (page: Page) => Promise<void>,
  page: { path: string; readySelector: string },
  timeoutMs: number,
) {
  const browser = await chromium.launch({
    executablePath: e2e.chromium,
    args: CHROMIUM_ARGS,
  });
  try {
    const storageState = await signedInState(browser, { baseUrl, signIn });
    const context = await browser.newContext({
      baseURL: baseUrl,
      storageState,
    });
    const tab = await context.newPage();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await tab.goto(page.path);
      const shown = await tab
        .waitForSelector(page.readySelector, { timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) return;
      if (Date.now() > deadline) {
        const shot = path.join(
          e2e.repoRoot,
          `.data/bench/pages${page.path.replace(/\//g, '-')}.png`,
        );
        await tab.screenshot({ path: shot, fullPage: true });
        const text = await tab.locator('body').innerText({ timeout: 5_000 });
        const seen = text.replace(/\s+/g, ' ').slice(0, 400);
        throw new Error(
          `${tab.url()} never showed '${page.readySelector}' within ` +
            `${timeoutMs / 1000} s; the page showed (screenshot ${shot}): ` +
            `${seen}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

const measurePages = (runs: number) =>
  withPortal(async baseUrl => {
    // The org pages are a manager's (README, "Roles").
    const signIn = portalSignIn(e2e.roleUsers.manager.login);
    const lines: string[] = [];
    for (const page of ORG_PAGES) {
      await waitForContent(baseUrl, signIn, page, 180_000);
      const result = await measureCatalogPage({
        baseUrl,
        signIn,
        runs,
        label: page.path,
        path: page.path,
        readySelector: page.readySelector,
      });
      const cold = summarise(result.cold);
      const warm = summarise(result.warm);
      lines.push(
        `  ${page.path.padEnd(12)} cold ${cold.rowsShownMs.median} ms ` +
          `(${cold.rowsShownMs.min}-${cold.rowsShownMs.max}), ` +
          `warm ${warm.rowsShownMs.median} ms ` +
          `(${warm.rowsShownMs.min}-${warm.rowsShownMs.max}), ` +
          `JS cold ${kib(cold.jsBytes.median)} KiB; ` +
          `content = '${page.readySelector}'`,
      );
      console.log(JSON.stringify(result));
    }
    console.log(
      `\nTime to meaningful content, production build, signed in as ` +
        `${e2e.roleUsers.manager.login}, ${runs} runs each, median (min-max):`,
    );
    for (const line of lines) console.log(line);
  });

async function main() {
  const [target, ...rest] = process.argv.slice(2);
  if (target === 'portal') {
    await measurePortal(Number(rest[0] ?? 5));
  } else if (target === 'pages') {
    await measurePages(Number(rest[0] ?? 5));
  } else if (target === 'guest' && rest[0]) {
    report(
      await measureCatalogPage({
        baseUrl: rest[0],
        signIn: guestSignIn,
        runs: Number(rest[1] ?? 5),
        label: rest[0],
        path: rest[2],
      }),
    );
  } else {
    throw new Error(
      'Usage: run.ts portal [runs] | run.ts pages [runs] | ' +
        'run.ts guest <baseUrl> [runs] [path]',
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
