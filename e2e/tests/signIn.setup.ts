import { expect, test as setup } from '@playwright/test';
import path from 'node:path';
import { e2e } from '../support/environment';

setup('a developer signs in through the OIDC provider', async ({ page }) => {
  await page.goto('/');

  // Production offers single sign-on only: no guest entry.
  await expect(
    page.getByText('Sign in with your Gogidix account'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enter' })).toHaveCount(0);

  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;

  await popup.locator('input[name="login"]').fill(e2e.user.login);
  await popup.locator('input[name="password"]').fill('any password works here');
  await popup.getByRole('button', { name: /sign-in/i }).click();
  await popup.getByRole('button', { name: /continue/i }).click();
  await popup.waitForEvent('close');

  await expect(
    page.getByRole('heading', {
      name: new RegExp(`, ${e2e.user.displayName}$`),
    }),
  ).toBeVisible();
  await page.context().storageState({
    path: path.join(e2e.repoRoot, '.data/e2e/signed-in.json'),
  });
});
