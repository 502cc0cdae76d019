import { expect, test } from '@playwright/test';
import { openUntil } from '../support/openUntil';

test('the home page greets the signed-in user and lists their services', async ({
  page,
}) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: /, Jane Doe$/ }),
  ).toBeVisible();
  // Jane is in the platform team, which owns the gateway and the portal.
  const yourServices = page.getByRole('main').getByRole('table');
  await openUntil(page, '/', async () => {
    await expect(
      yourServices.getByRole('link', { name: 'API Gateway' }),
    ).toBeVisible();
  });
  await expect(
    yourServices.getByRole('link', { name: 'Gogidix Platform Portal' }),
  ).toBeVisible();
  await expect(
    yourServices.getByRole('link', { name: 'Listings Service' }),
  ).toHaveCount(0);
});

test('the catalog lists the demo services, and an entity page shows one', async ({
  page,
}) => {
  await openUntil(
    page,
    '/catalog?filters[kind]=component&filters[user]=all',
    async () => {
      await expect(
        page.getByRole('link', { name: 'Listings Service' }),
      ).toBeVisible();
    },
  );
  await expect(
    page.getByRole('heading', { name: /All Components \(\d+\)/ }).first(),
  ).toBeVisible();
  for (const service of ['API Gateway', 'Payments Service', 'Search Service']) {
    await expect(page.getByRole('link', { name: service })).toBeVisible();
  }
  // Beyond the first page, found through the table's search.
  await page.getByPlaceholder('Search').fill('valuation');
  await expect(
    page.getByRole('link', { name: 'Valuation Model' }),
  ).toBeVisible();
  await page.getByPlaceholder('Search').fill('');

  await page.getByRole('link', { name: 'Listings Service' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/listings-service/,
  );
  await expect(
    page.getByRole('heading', { name: 'Listings Service' }),
  ).toBeVisible();
  await expect(
    page.getByText('System of record for property listings'),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Listings API v2' }).first(),
  ).toBeVisible();
});

test('an API page renders its OpenAPI specification', async ({ page }) => {
  await openUntil(
    page,
    '/catalog/default/api/listings-api-v2/definition',
    async () => {
      await expect(
        page.getByRole('heading', { name: /Listings API/ }).first(),
      ).toBeVisible();
    },
  );
  // Swagger UI draws each operation from the spec the catalog loaded.
  await expect(
    page.getByText('/v2/listings', { exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText('OAS 3.0')).toBeVisible();
});

test('the catalog graph relates the gateway to the services behind it', async ({
  page,
}) => {
  const graph = page.locator('svg');
  await openUntil(
    page,
    '/catalog-graph?rootEntityRefs%5B%5D=component%3Adefault%2Fapi-gateway&maxDepth=1&unidirectional=false',
    async () => {
      await expect(
        graph.getByText('API Gateway', { exact: true }),
      ).toBeVisible();
    },
  );
  // The APIs it routes to, and the team that owns it.
  for (const node of [
    'Listings API v2',
    'Payments API',
    'Valuation API',
    'Platform',
  ]) {
    await expect(graph.getByText(node, { exact: true })).toBeVisible();
  }
});

test('search finds a service by what it does', async ({ page }) => {
  await openUntil(
    page,
    '/search?query=valuation',
    async () => {
      await expect(
        page.getByRole('link', { name: /Valuation Model/ }).first(),
      ).toBeVisible();
    },
    90_000,
  );
});
