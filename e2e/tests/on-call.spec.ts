import { expect, test } from '@playwright/test';
import {
  alertmanagerUrl,
  portalUrl,
  signedInState,
} from '../support/environment';
import { openUntil } from '../support/openUntil';

// The org-wide alert list is for on-call engineers (README, "Roles").
test.use({ storageState: signedInState('onCall') });

const runbookPath =
  '/runbooks/default/component/listings-service/slo-availability-burn';

test.beforeAll(async () => {
  // Fired the way Prometheus fires an SLO burn-rate alert: posted to the
  // real Alertmanager with the runbook_url our alert rules carry.
  const now = Date.now();
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify([
      {
        labels: {
          alertname: 'ListingsServiceAvailabilityBurnPage',
          service: 'listings-service',
          severity: 'page',
          slo: 'listings-availability',
        },
        annotations: {
          summary: 'Listings availability error budget burning at 14.4x',
          runbook_url: `${portalUrl}${runbookPath}`,
        },
        startsAt: new Date(now - 120_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
      },
    ]),
  });
  expect(response.ok).toBe(true);
});

test('an on-call engineer goes from a firing alert to its runbook in one click', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'On-call' }).first().click();
  await expect(page).toHaveURL(/\/on-call$/);

  const paging = page.getByRole('region', { name: 'listings-service page' });
  await expect(
    paging.getByText('ListingsServiceAvailabilityBurnPage'),
  ).toBeVisible();
  await expect(
    paging.getByText('Listings availability error budget burning at 14.4x'),
  ).toBeVisible();

  await page.screenshot({
    path: '.data/e2e/screenshots/on-call.png',
    fullPage: true,
  });

  await paging.getByRole('link', { name: 'Runbook' }).click();
  await expect(page).toHaveURL(new RegExp(`${runbookPath}$`));
  await expect(
    page.getByRole('heading', {
      name: 'Listings Service: availability error budget burning',
      level: 1,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: '3. Database saturation' }),
  ).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({
    path: '.data/e2e/screenshots/runbook.png',
    fullPage: true,
  });
});

test('a service’s On-call tab lists its runbooks and its firing alert', async ({
  page,
}) => {
  await page.goto('/catalog/default/component/listings-service/on-call');
  await expect(
    page.getByRole('link', {
      name: 'Listings Service: latency error budget burning',
    }),
  ).toBeVisible();
  await expect(
    page.getByText('ListingsServiceAvailabilityBurnPage'),
  ).toBeVisible();
  // PagerDuty is not configured in this environment: the card says so.
  await expect(
    page.getByText(
      'Set onCall.pagerDuty.token in app-config.yaml to show PagerDuty here.',
    ),
  ).toBeVisible();
  await page.screenshot({
    path: '.data/e2e/screenshots/entity-on-call.png',
    fullPage: true,
  });
});

test('search finds a runbook by a command in it', async ({ page }) => {
  const result = page.getByRole('link', {
    name: /Listings Service: availability error budget burning/,
  });
  // The runbooks collator fills the index shortly after start.
  await openUntil(
    page,
    '/search?query=pg_cancel_backend',
    async () => {
      await expect(result.first()).toBeVisible();
    },
    90_000,
  );
  await result.first().click();
  await expect(page).toHaveURL(new RegExp(`${runbookPath}$`));
  await expect(
    page.getByRole('heading', { name: '3. Database saturation' }),
  ).toBeVisible();
});
