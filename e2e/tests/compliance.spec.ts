import { Page, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { e2e, signedInState } from '../support/environment';
import { openUntil } from '../support/openUntil';

// The org page and its export are for managers (docs/roles.md).
test.use({ storageState: signedInState('manager') });

const screenshot = (name: string) =>
  path.join(e2e.repoRoot, '.data/e2e', `compliance-${name}.png`);

async function filterByTeam(page: Page, team: string) {
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: team, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('a manager filters the compliance page by team, opens evidence and exports it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/compliance');
  await expect(
    page.getByRole('main').getByRole('heading', { name: 'Compliance' }),
  ).toBeVisible();
  await openUntil(
    page,
    '/compliance',
    async () => {
      await expect(
        page.getByText(/^Evaluated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/),
      ).toBeVisible();
    },
    180_000,
  );
  // Computed from the demo organisation by the round, not by the page.
  await expect(page.getByText('Worst gaps first')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Heatmap of controls by team' }),
  ).toBeVisible();
  await expect(page.getByText('Trivy in every pipeline')).toBeVisible();
  await page.screenshot({ path: screenshot('org'), fullPage: true });

  await filterByTeam(page, 'payments');
  const components = page
    .locator('[class*=MuiPaper]')
    .filter({ has: page.getByRole('heading', { name: 'Components' }) });
  await expect(
    components.getByRole('link', { name: 'payments-service' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'listings-service' }),
  ).toHaveCount(0);

  // Export what the filtered page shows, as an auditor receives it.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe('compliance-export.csv');
  const text = await readFile((await csv.path())!, 'utf8');
  const [header, ...rows] = text.trim().split('\n');
  expect(header).toBe(
    'framework,control,controlTitle,controlStatus,entityRef,team,checkId,checkTitle,checkStatus,reason,evidence,evidenceSources,evidenceCollectedAt,waiverReason,waiverApprover,waiverExpiresAt,evaluatedAt',
  );
  expect(rows.every(r => r.includes('group:default/payments'))).toBe(true);
  const vulnerabilities = rows.find(
    r =>
      r.startsWith('ISO 27001:2022,A.8.8,') &&
      r.includes('component:default/payments-service') &&
      r.includes('no-critical-vulnerabilities'),
  );
  expect(vulnerabilities).toContain('trivy.critical = 1');
  expect(vulnerabilities).toContain('demo/trivy/payments-service.json');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(exported.filters.teams).toEqual(['group:default/payments']);
  expect(exported.controls.map((c: { id: string }) => c.id)).toContain('CC8.1');
  expect(
    exported.entities.every(
      (e: { team: string }) => e.team === 'group:default/payments',
    ),
  ).toBe(true);

  // Drill into the service's evidence.
  await components.getByRole('link', { name: 'payments-service' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/payments-service\/compliance$/,
  );
  await expect(page.getByText('Scorecard')).toBeVisible();
  await page.getByText('No critical vulnerabilities').click();
  const evidence = page.getByRole('table', {
    name: 'Evidence for No critical vulnerabilities',
  });
  await expect(evidence.getByText('trivy.critical')).toBeVisible();
  await expect(
    evidence.getByRole('cell', { name: '1', exact: true }),
  ).toBeVisible();
  await expect(
    evidence.getByText(/demo\/trivy\/payments-service\.json/),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Critical vulnerabilities in the latest image scan: 1; none are allowed.',
    ),
  ).toBeVisible();
  await page.screenshot({ path: screenshot('entity'), fullPage: true });
});
