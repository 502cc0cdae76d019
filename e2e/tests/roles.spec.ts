import { expect, test } from '@playwright/test';
import { signedInState } from '../support/environment';

// Signed in as jane.doe: a developer on the platform team, not on call and
// managing no one (README, "Roles").

test('a developer is told the org-wide alert list is for on-call, and has no On-call or Register menu item', async ({
  page,
}) => {
  await page.goto('/on-call');
  await expect(
    page.getByText(/The list of every firing alert is for on-call engineers/),
  ).toBeVisible();
  const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    sidebar.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'On-call' })).toHaveCount(0);
  // Registering existing components is for platform admins.
  await expect(
    sidebar.getByRole('link', { name: 'Register Existing Component' }),
  ).toHaveCount(0);
});

test('a developer sees only their own team on the cost page', async ({
  page,
}) => {
  await page.goto('/cost');
  const byTeam = page.getByRole('table', { name: 'By team' });
  await expect(byTeam.getByRole('link', { name: 'platform' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(byTeam.getByRole('link', { name: 'payments' })).toHaveCount(0);
});

test("a developer is told another team's service cost is not theirs to see", async ({
  page,
}) => {
  await page.goto('/catalog/default/component/billing-ledger/cost');
  await expect(
    page.getByText("A service's cost is for its team and their managers."),
  ).toBeVisible();
});

test.describe('as a platform admin', () => {
  test.use({ storageState: signedInState('platformAdmin') });

  test('the menu offers registering existing components and the on-call page', async ({
    page,
  }) => {
    await page.goto('/');
    const sidebar = page.getByRole('navigation', { name: 'sidebar nav' });
    await expect(
      sidebar.getByRole('link', { name: 'Register Existing Component' }),
    ).toBeVisible();
    await expect(sidebar.getByRole('link', { name: 'On-call' })).toBeVisible();
  });
});
