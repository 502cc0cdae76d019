import { expect } from '@playwright/test';
import { embedded } from '../embedded.config';
import { outOfBudget } from './deployGate';
import { backendFor, shoot, signInAsGuest, test, WIDE } from './support';

backendFor(embedded.users.admin);

test('the audit trail shows the gate override and its decisions', async ({
  page,
}) => {
  const target = outOfBudget();
  await page.setViewportSize(WIDE);
  await signInAsGuest(page);
  await page.goto('/audit');
  const table = page.getByRole('table', { name: 'Audit events' });
  await page.getByLabel('Target contains').fill(target.entityRef);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const override = table
    .getByRole('row')
    .filter({ hasText: 'deploy-gate-override' });
  await expect(override.first()).toContainText(embedded.users.manager);
  await expect(override.first()).toContainText('succeeded');
  const decisions = table
    .getByRole('row')
    .filter({ hasText: 'deploy-gate-decide' });
  await expect(decisions.first()).toContainText(embedded.users.developer);
  await shoot(page, 'admin-audit-deploy-gate');
});
