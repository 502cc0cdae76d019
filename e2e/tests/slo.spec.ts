import { expect, test } from '@playwright/test';
import path from 'node:path';
import { e2e, signedInState } from '../support/environment';
import { openUntil } from '../support/openUntil';

// The org-wide view of every team is a manager's (README, "Roles").
test.use({ storageState: signedInState('manager') });

const screenshot = (name: string) =>
  path.join(e2e.repoRoot, '.data/e2e', `slo-${name}.png`);

test('a manager opens the org SLO page and drills into a service', async ({
  page,
}) => {
  // The first SLO round runs within a minute or two of the portal's start.
  test.setTimeout(240_000);
  await page.goto('/slo');
  await expect(
    page.getByRole('heading', { name: 'Service level objectives' }),
  ).toBeVisible();
  await openUntil(
    page,
    '/slo',
    async () => {
      await expect(
        page.getByText(/^As of \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
      ).toBeVisible();
    },
    120_000,
  );
  // Counts come from the demo organisation's computed budgets, not from the page.
  for (const label of ['Healthy', 'At risk', 'Budget exhausted', 'No data']) {
    await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText('By team')).toBeVisible();
  // The demo history is 30 days: the card says how many days it has.
  await expect(
    page.getByText(
      /^Daily status, (\d+ days of history so far \(up to 90 are kept\)|last 90 days)$/,
    ),
  ).toBeVisible();
  await page.screenshot({ path: screenshot('org'), fullPage: true });

  // Narrow to the listings team, then open the listings service's SLO tab.
  await page.getByLabel('Owner').click();
  await page.getByRole('option', { name: 'listings' }).click();
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('link', { name: 'payments-service' }),
  ).toHaveCount(0);
  await page.getByRole('link', { name: 'listings-service' }).first().click();

  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/listings-service\/slo$/,
  );
  await expect(page.getByText('Budget left').first()).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Burn rates of Availability' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Runbook' }).first(),
  ).toHaveAttribute(
    'href',
    /\/runbooks\/default\/component\/listings-service\/slo-availability-burn$/,
  );
  await page.screenshot({ path: screenshot('entity'), fullPage: true });
});
