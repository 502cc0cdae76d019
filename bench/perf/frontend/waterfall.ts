// Where the catalog page's cold and warm loads spend their time: every
// request the page makes (start and end on the page's clock), the main
// thread's long tasks, and when the first row shows. For looking at by
// hand; not part of run.sh.
//
//   PERF_HOLD=1 bench/perf/run.sh   # in another terminal
//   node --require @backstage/cli/config/nodeTransform.cjs \
//     bench/perf/frontend/waterfall.ts [baseUrl] [login]
//
// login `guest` signs in to stock Backstage (its catalog page at /).
import { BrowserContext, chromium } from '@playwright/test';
import { e2e } from '../../../e2e/support/environment';
import { CHROMIUM_ARGS, rowsShown, signedInState } from './measure';
import { stockCatalogPath } from '../stock/stock';
import { guestSignIn, portalSignIn } from './signIn';

/** A main-thread task over 50 ms, on the page's clock. */
interface LongTask {
  start: number;
  duration: number;
}

async function main() {
  const baseUrl = process.argv[2] ?? 'http://localhost:7340';
  // `guest`: stock Backstage, whose catalog page is at / behind guest sign-in.
  const login = process.argv[3] ?? e2e.user.login;
  const stock = login === 'guest';
  const browser = await chromium.launch({
    executablePath: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const storageState = await signedInState(browser, {
      baseUrl,
      signIn: stock ? guestSignIn : portalSignIn(login),
    }).catch(error => {
      throw new Error(
        `Could not sign in at ${baseUrl} as ${login}: the login must be a demo user (default ${e2e.user.login}) and the portal must be up (PERF_HOLD=1 bench/perf/run.sh). ${error}`,
      );
    });

    const context = await browser.newContext({
      baseURL: baseUrl,
      storageState,
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript(() => {
      const tasks: LongTask[] = [];
      (window as unknown as { __longTasks: LongTask[] }).__longTasks = tasks;
      new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
          tasks.push({ start: entry.startTime, duration: entry.duration });
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    // Cold: an empty HTTP cache. Warm: the same context again, as run.sh
    // measures it (scripts from the cache, the session refreshed again).
    for (const load of ['cold', 'warm']) {
      console.log(`\n${load} load:`);
      await loadAndPrint(context, stock ? stockCatalogPath() : '/catalog');
    }
  } finally {
    await browser.close();
  }
}

/** Opens the catalog page once and prints its requests and long tasks. */
async function loadAndPrint(context: BrowserContext, path: string) {
  const page = await context.newPage();
  await page.goto(path, { waitUntil: 'commit' });
  const rowsShownMs = await rowsShown(page, 60_000);
  const timeline = await page.evaluate(() => ({
    resources: performance.getEntriesByType('resource').map(e => {
      const r = e as PerformanceResourceTiming;
      return {
        name: r.name.replace(location.origin, ''),
        start: Math.round(r.startTime),
        end: Math.round(r.responseEnd),
        bytes: r.transferSize,
      };
    }),
    longTasks: (window as unknown as { __longTasks: LongTask[] }).__longTasks,
  }));
  const lines = [
    ...timeline.resources
      .filter(r => r.start < rowsShownMs + 200)
      .map(r => ({
        at: r.start,
        text: `${String(r.start).padStart(5)}-${String(r.end).padStart(
          5,
        )} ms  ${(r.bytes / 1024).toFixed(0).padStart(5)} KiB  ${r.name.slice(
          0,
          140,
        )}`,
      })),
    ...timeline.longTasks.map(t => ({
      at: t.start,
      text: `${String(Math.round(t.start)).padStart(5)}-${String(
        Math.round(t.start + t.duration),
      ).padStart(5)} ms  long task (${Math.round(t.duration)} ms)`,
    })),
  ].sort((a, b) => a.at - b.at);
  for (const line of lines) console.log(line.text);
  console.log(`rows shown at ${rowsShownMs} ms`);
  await page.close();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
