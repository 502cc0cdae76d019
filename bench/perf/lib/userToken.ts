import { chromium } from '@playwright/test';
import { e2e } from '../../../e2e/support/environment';

export const chromiumLaunchOptions = {
  executablePath: e2e.chromium,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * A Backstage token of a signed-in user, so that reads are measured as the
 * catalog page makes them: authenticated as a user and decided by the
 * permission policy. Stock Backstage signs in as its guest user.
 */
export async function stockUserToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`Stock's guest sign-in answered ${response.status}`);
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

/**
 * The portal signs in through OIDC only (production): sign in in Chromium as
 * one of the demo organisation's users, then ask the auth backend for the
 * session's token.
 */
export async function portalUserToken(
  baseUrl: string,
  login: string,
): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ baseURL: baseUrl });
    await page.goto('/');
    const popupPromise = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const popup = await popupPromise;
    await popup.locator('input[name="login"]').fill(login);
    await popup.locator('input[name="password"]').fill('any password');
    await popup.getByRole('button', { name: /sign-in/i }).click();
    await popup.getByRole('button', { name: /continue/i }).click();
    await popup.waitForEvent('close');
    const body = await page.evaluate(async () => {
      const response = await fetch('/api/auth/oidc/refresh?env=production', {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      return response.json();
    });
    return body.backstageIdentity.token;
  } finally {
    await browser.close();
  }
}
