import { Page, expect } from '@playwright/test';

/**
 * Opens `url` until `check` passes. What the portal loads after it starts
 * (the catalog, the first SLO and compliance rounds, the search index)
 * appears with nothing a browser could wait on, so the journey looks again.
 *
 * `check` waits with the suite's own expect timeout, never a shorter one: a
 * look must give the page as long to draw as any other step does. On a busy
 * machine a cold page spends 8-15 s on its main thread after the network has
 * gone quiet (measured on the catalog under two `yes` loops), so a look
 * bounded at 5 s ended before the list was drawn, every time, and the
 * journey could not pass however long it kept looking. A new look is only
 * for data that the portal had not yet loaded when the page fetched it.
 *
 * Each look opens the journey's URL afresh rather than reloading: a page may
 * have rewritten its own address in between (the catalog drops
 * `filters[user]` from the URL until its user filter has loaded, so a reload
 * at that moment opens the "Owned" list instead of "All").
 */
export async function openUntil(
  page: Page,
  url: string,
  check: () => Promise<void>,
  timeout = 75_000,
) {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout, intervals: [1_000, 2_000, 5_000] });
}
