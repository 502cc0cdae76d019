import { Page, expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { focusCsv, focusRow } from '../../packages/test-kit/src/focus';
import { e2e, signedInState } from '../support/environment';

// The audit trail and cost imports are for platform admins (docs/roles.md).
test.use({ storageState: signedInState('platformAdmin') });
const admin = `user:default/${e2e.roleUsers.platformAdmin.login}`;

/** The signed-in user's Backstage token, as the app itself gets it. */
async function userToken(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/oidc/refresh?optional&env=production', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
      credentials: 'include',
    });
    return (await res.json()).backstageIdentity.token;
  });
}

/** One charge of a past period (January 2025) on its own billing account. */
const pastCharge = (change: Record<string, string> = {}) =>
  focusRow({
    BillingAccountId: 'audit-e2e',
    BillingPeriodStart: '2025-01-01T00:00:00Z',
    BillingPeriodEnd: '2025-02-01T00:00:00Z',
    ChargePeriodStart: '2025-01-14T00:00:00Z',
    ChargePeriodEnd: '2025-01-15T00:00:00Z',
    ResourceId: 'i-audit',
    Tags: '{"service":"api-gateway"}',
    ...change,
  });

test('an admin finds a cost import in the audit trail and exports it', async ({
  page,
}) => {
  await page.goto('/');
  const token = await userToken(page);
  const source = `audit-e2e-${Date.now()}.csv`;

  // Something auditable: a FOCUS import (for a past period, so the cost
  // pages' figures stay as they were), and one rejected for a bad cost.
  const imported = await page.request.post(
    `/api/cost/imports?source=${source}`,
    {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      data: `${focusCsv([pastCharge()])}\n`,
    },
  );
  expect(imported.status(), await imported.text()).toBe(201);
  const rejected = await page.request.post(
    `/api/cost/imports?source=broken-${source}`,
    {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      data: `${focusCsv([pastCharge({ BilledCost: 'lots' })])}\n`,
    },
  );
  expect(rejected.status(), await rejected.text()).toBe(400);

  // Platform admins have the page in the navigation.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Audit trail' })
    .click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(
    page.getByRole('heading', { name: 'Audit trail' }),
  ).toBeVisible();

  await page.getByLabel('Action').fill('cost-import');
  await page.getByLabel('Target contains').fill(source);
  await page.getByRole('button', { name: 'Apply filters' }).click();

  const table = page.getByRole('table', { name: 'Audit events' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  const rowOf = (target: string) =>
    rows.filter({ has: page.getByRole('cell', { name: target, exact: true }) });
  const failed = rowOf(`broken-${source}`);
  await expect(failed).toContainText(admin);
  await expect(failed).toContainText('failed');
  await expect(failed).toContainText('Import rejected, nothing was changed');
  const succeeded = rowOf(source);
  await expect(succeeded).toContainText('succeeded');
  await expect(succeeded).toContainText('cost');
  await page.screenshot({
    path: path.join(e2e.repoRoot, '.data/e2e/results/audit-trail.png'),
    fullPage: true,
  });

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('audit.csv');
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toBe(
    'time,completedAt,actor,plugin,eventId,target,outcome,severity,error,method,url,meta',
  );
  expect(lines).toHaveLength(3);
  expect(csv).toContain(`${admin},cost,cost-import,${source},succeeded`);
  expect(csv).not.toContain(token);
});
