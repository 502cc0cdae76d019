import { expect, Locator, Page } from '@playwright/test';
import { openUntil } from '../support/openUntil';
import { embedded } from '../embedded.config';
import { backendFor, PHONE, shoot, signInAsGuest, test, WIDE } from './support';

/**
 * The head of engineering reads her teams' roll-up on the home page and on a
 * team's page, then the org's SLO and cost pages; a team's 30-day cost is
 * the same figure on her home page, its group page and the cost page.
 */
backendFor(embedded.users.manager);

const TEAM = 'listings';
const teamLink = (page: Page) =>
  page.locator(`a[href$="/catalog/default/group/${TEAM}"]`);

/** The text of one cell of the team's row in `table`. */
async function teamCell(page: Page, table: Locator, column: number) {
  const row = table.getByRole('row').filter({ has: teamLink(page) });
  await expect(row).toHaveCount(1);
  const text = (await row.getByRole('cell').nth(column).textContent())?.trim();
  expect(text, `no figure in column ${column} of ${TEAM}'s row`).toMatch(/\d/);
  return text!;
}

test('the manager reads her teams and the org pages, with the same figures', async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signInAsGuest(page);

  // Home: "Your teams", one row per team of her subtree. The cost demo is
  // imported at start, so the page looks again until it is there.
  const rollup = page.getByRole('table', { name: 'Teams' });
  await openUntil(
    page,
    '/',
    async () => {
      await expect(rollup).toBeVisible();
      await expect(
        rollup
          .getByRole('row')
          .filter({ has: teamLink(page) })
          .getByRole('cell')
          .nth(2),
      ).toHaveText(/\d/);
    },
    180_000,
  );
  // Columns: Team, SLOs, Cost (30 days), Compliance, Firing alerts.
  const homeCost = await teamCell(page, rollup, 2);
  await shoot(page, 'manager-home');

  // The team's own page shows the same roll-up of its subtree.
  await teamLink(page).first().click();
  await expect(page).toHaveURL(new RegExp(`/catalog/default/group/${TEAM}`));
  await expect(rollup).toBeVisible();
  expect(await teamCell(page, rollup, 2)).toBe(homeCost);
  await shoot(page, 'manager-team');

  await page.goto('/slo');
  const byTeam = page.getByRole('table').filter({
    has: page.getByRole('columnheader', { name: 'Exhausted' }),
  });
  await expect(byTeam.first()).toBeVisible();
  await shoot(page, 'manager-slo');

  // The cost page's default period is the roll-up's 30 days.
  await page.goto('/cost');
  const costByTeam = page.getByRole('table', { name: 'By team' });
  await expect(costByTeam).toBeVisible();
  // Columns: Team, Cost, Change, Budget this month.
  expect(
    await teamCell(page, costByTeam, 1),
    `${TEAM}'s 30-day cost on the cost page differs from its roll-up (${homeCost})`,
  ).toBe(homeCost);
  await shoot(page, 'manager-cost');

  await page.setViewportSize(PHONE);
  for (const [url, name] of [
    ['/', 'manager-home'],
    [`/catalog/default/group/${TEAM}`, 'manager-team'],
    ['/slo', 'manager-slo'],
    ['/cost', 'manager-cost'],
  ]) {
    await page.goto(url);
    await expect(page.getByRole('table').first()).toBeVisible();
    await shoot(page, name);
  }
});
