import { Page, expect } from '@playwright/test';

/**
 * Opens `url` until `check` passes. What the portal loads after it starts
 * (the catalog, the first SLO and compliance rounds, the search index)
 * appears with nothing a browser could wait on, so the journey looks again.
 * Each look opens the journey's URL afresh rather than reloading: a page may
 * have rewritten its own address in between (the catalog drops
 * `filters[user]` from the URL until its user filter has loaded, so a reload
 * at that moment opens the "Owned" list instead of "All").
 */
export async function openUntil(
  page: Page,
  url: string,
  check: () => Promise<void>,
  timeout = 60_000,
) {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout, intervals: [1_000, 2_000, 5_000] });
}
