import { expect } from '@playwright/test';
import fs from 'node:fs';
import { openUntil } from '../support/openUntil';
import { embedded } from '../embedded.config';
import {
  backendFor,
  createdServiceFile,
  PHONE,
  shoot,
  signInAsGuest,
  test,
  WIDE,
} from './support';

/**
 * A developer (a platform engineer) creates a service with the recommended
 * production-ready template for their own team, opens it, and finds it on
 * its way to Gold: Bronze at once, the image-scan checks pending until CI
 * sends the first Trivy report.
 */
backendFor(embedded.users.developer);

test('the developer creates a service and sees it on its way to Gold', async ({
  page,
}) => {
  const name = `quotes-${Date.now().toString(36).slice(-5)}`;
  await page.setViewportSize(WIDE);
  await signInAsGuest(page);

  await page.goto('/create');
  await expect(page.getByText('TypeScript HTTP service')).toBeVisible();
  await shoot(page, 'developer-create');
  await page.goto('/create/templates/default/typescript-service');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill(`Quotes for ${name}.`);
  // Her team, Platform; not Platform Admins, which the list may offer first.
  await page.locator('#root_owner').fill('platform');
  await page
    .getByRole('option')
    .filter({ hasText: /platform/i })
    .filter({ hasNotText: /admins/i })
    .first()
    .click();
  await expect(page.locator('#root_owner')).toHaveValue(/^Platform$|platform$/);
  const next = page.getByRole('button', { name: 'Next' });
  while (await next.isVisible()) {
    await next.click();
  }
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  const open = page.getByRole('link', {
    name: 'Open the service in the catalog',
  });
  await expect(open).toBeVisible({ timeout: 120_000 });
  fs.writeFileSync(createdServiceFile, name);
  await open.click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // The compliance round evaluates the new component within a minute
  // (roundMinutes: 1 in this suite); until then the tab says so.
  const compliance = `/catalog/default/component/${name}/compliance`;
  const scorecard = page
    .locator('[class*=MuiCard]')
    .filter({ has: page.getByText('Scorecard', { exact: true }) });
  await openUntil(
    page,
    compliance,
    async () => {
      await expect(scorecard.getByText(/ checks pass/)).toBeVisible();
    },
    180_000,
  );
  await expect(scorecard.getByText('Bronze', { exact: true })).toBeVisible();
  await expect(
    scorecard.getByText(/waiting for their first data/),
  ).toBeVisible();
  await expect(page.getByText(/No scan received yet/)).toBeVisible();
  await expect(page.getByText('Pending').first()).toBeVisible();
  await shoot(page, 'developer-compliance');

  await page.setViewportSize(PHONE);
  await page.goto(compliance);
  await expect(scorecard.getByText('Bronze', { exact: true })).toBeVisible();
  await shoot(page, 'developer-compliance');
});
