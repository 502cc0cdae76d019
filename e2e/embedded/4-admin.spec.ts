import { expect } from '@playwright/test';
import fs from 'node:fs';
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
 * A platform admin reads the audit trail: the service the developer
 * journey created is there, with who created it. The suite's journeys
 * share one SQLite folder, so this one reads what the first one did.
 */
backendFor(embedded.users.admin);

test('the admin reads the audit trail of the run', async ({ page }) => {
  expect(
    fs.existsSync(createdServiceFile),
    'the developer journey created no service (run the whole suite: this journey reads its audit events)',
  ).toBe(true);
  const service = fs.readFileSync(createdServiceFile, 'utf8').trim();

  await page.setViewportSize(WIDE);
  await signInAsGuest(page);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Audit trail' })
    .click();
  await expect(page).toHaveURL(/\/audit$/);

  const table = page.getByRole('table', { name: 'Audit events' });
  // Everything the run did, newest first, each with its actor.
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expect(
    table.getByRole('cell', { name: /^user:default\/[a-z.]+$/ }).first(),
  ).toBeVisible();
  await shoot(page, 'admin-audit');

  // The developer's create: the scaffolder task targets the new component.
  await page.getByLabel('Target contains').fill(service);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const created = table
    .getByRole('row')
    .filter({
      has: page.getByRole('cell', {
        name: `component:default/${service}`,
        exact: true,
      }),
    })
    .filter({ hasText: 'scaffolder' });
  await expect(
    created.first(),
    `no scaffolder event for component:default/${service}`,
  ).toBeVisible();
  await expect(created.first()).toContainText(embedded.users.developer);
  await expect(created.first()).toContainText('succeeded');
  await shoot(page, 'admin-audit-create');

  await page.setViewportSize(PHONE);
  await expect(created.first()).toBeVisible();
  await shoot(page, 'admin-audit-create');
});
