import { expect, test } from '@playwright/test';
import { signedInState } from '../support/environment';
import { openUntil } from '../support/openUntil';

// The org-wide view of every team is a manager's (README, "Roles").
test.use({ storageState: signedInState('manager') });

test('a manager sees a team’s top mover on /cost and opens that service’s cost', async ({
  page,
}) => {
  // The demo bill is generated and ingested at start; the catalog fills in
  // the team names that attribution needs.
  await openUntil(
    page,
    '/cost',
    async () => {
      await expect(page.getByRole('table', { name: 'By team' })).toBeVisible();
      await expect(
        page
          .getByRole('table', { name: 'By team' })
          .getByRole('link', { name: 'ai' }),
      ).toBeVisible();
    },
    90_000,
  );

  // The demo bill starts on the first of the month three months back, so
  // the 90 days before the 90-day view are never fully covered: the page
  // says so instead of showing a percentage.
  await page.getByRole('button', { name: '90 days' }).click();
  await expect(page.getByText('No comparison', { exact: true })).toBeVisible();
  await expect(
    page.getByText(
      /^The previous 90 days \(.+\) have data on \d+ of 90 days\.$/,
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: '30 days' }).click();

  await page.getByLabel('Team', { exact: true }).selectOption('ai');

  const movers = page.getByRole('table', { name: 'Top movers' });
  const topMover = movers.getByRole('row').nth(1);
  // Nightly retraining started three weeks ago in the demo bill.
  await expect(topMover.getByRole('link')).toHaveText(
    'model-training-pipeline',
  );
  await expect(page.getByText(/Estimated €[\d,]+ a month/)).toBeVisible();
  await page.screenshot({
    path: '.data/e2e/results/cost-team-ai.png',
    fullPage: true,
  });

  await topMover.getByRole('link').click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/model-training-pipeline/,
  );
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Cost' })
    .click();
  await expect(page.getByText('Daily cost by service category')).toBeVisible();
  await expect(page.getByText(/^Forecast for \d{4}-\d{2}$/)).toBeVisible();
  await page.screenshot({
    path: '.data/e2e/results/cost-entity.png',
    fullPage: true,
  });
});
