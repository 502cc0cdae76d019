import { Page, expect, test as setup } from '@playwright/test';
import { E2eRole, e2e, signedInState } from '../support/environment';

setup('a developer signs in through the OIDC provider', async ({ page }) => {
  await page.goto('/');

  // Production offers single sign-on only: no guest entry.
  await expect(
    page.getByText('Sign in with your Gogidix account'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enter' })).toHaveCount(0);

  await signIn(page, e2e.user);
  await page.context().storageState({ path: signedInState() });
});

for (const role of Object.keys(e2e.roleUsers) as E2eRole[]) {
  const user = e2e.roleUsers[role];
  setup(
    `${user.login} (${role}) signs in through the OIDC provider`,
    async ({ page }) => {
      await page.goto('/');
      await signIn(page, user);
      await page.context().storageState({ path: signedInState(role) });
    },
  );
}

async function signIn(
  page: Page,
  user: { login: string; displayName: string },
) {
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;

  await popup.locator('input[name="login"]').fill(user.login);
  await popup.locator('input[name="password"]').fill('any password works here');
  await popup.getByRole('button', { name: /sign-in/i }).click();
  // Listened for before the click: the popup can close before the click
  // returns, and a 'close' that has already happened is never seen again,
  // which hung this wait until the test's timeout with no reason given.
  const closed = popup.waitForEvent('close', { timeout: 15_000 });
  await popup.getByRole('button', { name: /continue/i }).click();
  await closed;

  await expect(
    page.getByRole('heading', {
      name: new RegExp(`, ${user.displayName}$`),
    }),
  ).toBeVisible();
}
