import { expect } from '@playwright/test';
import { openUntil } from '../support/openUntil';
import { embedded } from '../embedded.config';
import {
  backendFor,
  PHONE,
  shootBoth,
  signInAsGuest,
  test,
  WIDE,
} from './support';

/**
 * Delivery: a platform developer opens the API gateway's Delivery tab and
 * sees its deployments, read from the demo history through the GitHub
 * client by the backend's first scheduled read (30 s after start).
 */
backendFor(embedded.users.developer);

const SERVICE = 'api-gateway';

test("the developer sees the deployments on her service's Delivery tab", async ({
  page,
}) => {
  await page.setViewportSize(WIDE);
  await signInAsGuest(page);

  const deployments = page.getByRole('table', {
    name: 'Recent deployments',
  });
  const tab = `/catalog/default/component/${SERVICE}/delivery`;
  await openUntil(
    page,
    tab,
    async () => {
      await expect(deployments).toBeVisible();
      // Header plus at least one deployment.
      expect(await deployments.getByRole('row').count()).toBeGreaterThan(1);
    },
    240_000,
  );
  await expect(deployments.getByRole('row').nth(1)).toContainText(
    /[0-9a-f]{7}/,
  );
  // One service deploys a few times a week.
  await expect(page.getByLabel('Deployment frequency')).toContainText(
    /a (day|week)/,
  );
  await shootBoth(page, 'delivery-tab');

  await page.setViewportSize(PHONE);
  await page.goto(tab);
  await expect(deployments).toBeVisible();
  await shootBoth(page, 'delivery-tab');
});
