import { expect } from '@playwright/test';
import fs from 'node:fs';
import { openUntil } from '../support/openUntil';
import { embedded } from '../embedded.config';
import {
  backendFor,
  PHONE,
  shootBoth,
  signInAsGuest,
  test,
  WIDE,
} from './support';

/**
 * Delivery: the head of engineering reads the org's DORA figures, a team's
 * row and each service's on /delivery and exports them as CSV. The figures
 * come from the demo history, read through the GitHub and PagerDuty clients
 * by the backend's first scheduled read (30 s after start), so the page
 * looks again until it is there.
 */
backendFor(embedded.users.manager);

const TEAM = 'listings';

test('the manager reads the org, a team and its services on /delivery, and exports them', async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signInAsGuest(page);

  const byService = page.getByRole('table', { name: 'By service' });
  await openUntil(
    page,
    '/delivery',
    async () => {
      await expect(byService).toBeVisible();
      await expect(
        byService.getByRole('link', { name: 'listings-service' }),
      ).toBeVisible();
      // The same round reads the demo PagerDuty after the demo GitHub.
      await expect(page.getByLabel('Time to restore')).not.toContainText(
        'no data',
      );
    },
    240_000,
  );

  // The demo incidents follow the demo deploys: the headline figures (the
  // first paragraph of each tile) are a duration and a count above zero.
  await expect(
    page.getByLabel('Time to restore').locator('p').first(),
  ).toHaveText(/^\d+(\.\d)? (min|h|days)$/);
  await expect(
    page.getByLabel('Incidents', { exact: true }).locator('p').first(),
  ).toHaveText(/^[1-9]\d*$/);

  // The org figures: the demo deploys on working days.
  await expect(page.getByLabel('Deployment frequency')).toContainText(/a day/);
  await expect(page.getByLabel('Lead time for changes')).toContainText(/\d/);

  // The team's row carries its figures.
  const teamRow = page
    .getByRole('table', { name: 'By team' })
    .getByRole('row')
    .filter({
      has: page.locator(`a[href$="/catalog/default/group/${TEAM}"]`),
    });
  await expect(teamRow).toHaveCount(1);
  await expect(teamRow.getByRole('cell').nth(1)).toContainText(/\d/);

  // The targets say what they could not measure rather than a figure.
  const targets = page.getByRole('table', {
    name: 'Success-metric targets',
  });
  await expect(
    targets.getByRole('row').filter({ hasText: 'Half as many incidents' }),
  ).toContainText('no baseline period recorded');
  await shootBoth(page, 'delivery-org');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('delivery-all-30d.csv');
  const csv = fs.readFileSync((await file.path())!, 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe(
    'date,team,entityRef,deployments,failedDeployments,incidents',
  );
  expect(
    lines.some(l =>
      l.includes(',group:default/listings,component:default/listings-service,'),
    ),
  ).toBe(true);

  await page.setViewportSize(PHONE);
  await page.goto('/delivery');
  await expect(byService).toBeVisible();
  await shootBoth(page, 'delivery-org');
});
