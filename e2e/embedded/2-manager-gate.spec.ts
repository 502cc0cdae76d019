import { expect } from '@playwright/test';
import { embedded } from '../embedded.config';
import { OVERRIDE_REASON, outOfBudget } from './deployGate';
import { backendFor, shoot, signInAsGuest, test, WIDE } from './support';

backendFor(embedded.users.manager);

test('the manager overrides the deploy gate on the SLO tab', async ({
  page,
}) => {
  const target = outOfBudget();
  await page.setViewportSize(WIDE);
  await signInAsGuest(page);
  await page.goto(`/catalog/default/component/${target.service}/slo`);
  const gate = page.getByRole('region', { name: 'Deploy gate' });
  await expect(gate).toContainText('A feature may not deploy now.', {
    timeout: 120_000,
  });
  await gate.getByLabel('Hours').fill('1');
  await gate.getByLabel('Reason for the override').fill(OVERRIDE_REASON);
  await gate.getByRole('button', { name: 'Override for 1 hour' }).click();
  const active = gate.getByRole('alert', { name: 'Active override' });
  await expect(active).toContainText(embedded.users.manager);
  await expect(active).toContainText(OVERRIDE_REASON);
  await expect(gate).toContainText('A feature may deploy now.');
  await shoot(page, 'manager-deploy-gate-override');
});
