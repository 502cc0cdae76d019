// Where the catalog page's cold load spends its time: every request the page
// makes (start and end on the page's clock), the main thread's long tasks,
// and when the first row shows. For looking at by hand; not part of run.sh.
//
//   PERF_HOLD=1 PERF_SKIP=stock bench/perf/run.sh   # in another terminal
//   node --require @backstage/cli/config/nodeTransform.cjs \
//     bench/perf/frontend/waterfall.ts [baseUrl] [login]
import { chromium } from '@playwright/test';
import { CATALOG_ROW_SELECTOR, CHROMIUM_ARGS } from './measure';
import { portalSignIn } from './signIn';

async function main() {
  const baseUrl = process.argv[2] ?? 'http://localhost:7340';
  const login = process.argv[3] ?? 'dev.user';
  const browser = await chromium.launch({
    executablePath: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const signInContext = await browser.newContext({ baseURL: baseUrl });
    const signInPage = await signInContext.newPage();
    await signInPage.goto('/');
    await portalSignIn(login)(signInPage);
    const storageState = await signInContext.storageState();
    await signInContext.close();

    const context = await browser.newContext({
      baseURL: baseUrl,
      storageState,
      viewport: { width: 1440, height: 900 },
    });
    await context.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      (window as any).__longTasks = tasks;
      new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
          tasks.push({ start: entry.startTime, duration: entry.duration });
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();
    await page.goto('/catalog', { waitUntil: 'commit' });
    const shown = await page.waitForFunction(
      selector =>
        document.querySelector(selector) ? performance.now() : undefined,
      CATALOG_ROW_SELECTOR,
      { polling: 'raf', timeout: 60_000 },
    );
    const rowsShownMs = Math.round((await shown.jsonValue()) as number);
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
      longTasks: (window as any).__longTasks as Array<{
        start: number;
        duration: number;
      }>,
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
  } finally {
    await browser.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
