import { chromium } from '@playwright/test';
import { e2e } from '../../../e2e/support/environment';
import { CHROMIUM_ARGS } from '../frontend/measure';
import { portalSignIn } from '../frontend/signIn';

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
  const browser = await chromium.launch({
    executablePath: e2e.chromium,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ baseURL: baseUrl });
    await page.goto('/');
    await portalSignIn(login)(page);
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
