import { Page } from '@playwright/test';

/**
 * The portal's production sign-in, as the e2e suite does it
 * (e2e/tests/signIn.setup.ts): the OIDC provider's popup, where any demo
 * user signs in with any password.
 */
export function portalSignIn(login: string) {
  return async (page: Page) => {
    const popupPromise = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const popup = await popupPromise;
    await popup.locator('input[name="login"]').fill(login);
    await popup.locator('input[name="password"]').fill('any password works');
    await popup.getByRole('button', { name: /sign-in/i }).click();
    // Listened for before the click, which the popup can outlive by less.
    const closed = popup.waitForEvent('close', { timeout: 15_000 });
    await popup.getByRole('button', { name: /continue/i }).click();
    await closed;
    await waitUntilSignedIn(page);
  };
}

/** Stock Backstage's guest sign-in: the guest card's Enter button. */
export async function guestSignIn(page: Page) {
  await page.getByRole('button', { name: 'Enter' }).click();
  await waitUntilSignedIn(page);
}

/** Signed in once the app's sidebar, which the sign-in page lacks, is there. */
async function waitUntilSignedIn(page: Page) {
  await page
    .locator('nav[aria-label="sidebar nav"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
}
