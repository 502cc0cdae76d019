import { Page, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signedInState } from '../support/environment';

/**
 * A manager creates one service of each template in the browser: the form
 * checks the name and the canary weight before anything runs, the task's
 * steps finish (validation included), and the new entity page opens. The
 * owners (Listings, AI, Payments) are teams of the manager's subtree; a
 * developer may only name their own teams.
 */
test.use({ storageState: signedInState('manager') });

// Unique per run: the run's repositories live in their own folder, but the
// names must also be free in this run's catalog.
const suffix = Date.now().toString(36).slice(-5);

async function fillServicePage(page: Page, name: string, owner: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill(`End-to-end test service ${name}.`);
  await page.locator('#root_owner').fill(owner);
  await page.getByRole('option', { name: owner, exact: false }).first().click();
}

async function nextUntilReview(page: Page) {
  const next = page.getByRole('button', { name: 'Next' });
  while (await next.isVisible()) {
    await next.click();
  }
  await page.getByRole('button', { name: 'Review' }).click();
}

/**
 * The files of the published repository, as a developer who clones it from
 * the address the finished task shows would see them.
 */
async function publishedFiles(page: Page): Promise<string[]> {
  // The task's output shows one text at a time; the address is under its tab.
  await page.getByRole('button', { name: 'Repository', exact: true }).click();
  const address = page.getByText(/git clone \S+/).first();
  await expect(address).toBeVisible();
  const shown = await address.textContent();
  const remote = /git clone (\S+)/.exec(shown ?? '')?.[1];
  expect(remote, `no "git clone" address in "${shown}"`).toBeTruthy();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-clone-'));
  try {
    execFileSync('git', ['clone', '--quiet', remote!, dir], {
      stdio: 'pipe',
    });
    return execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function createAndOpen(
  page: Page,
  name: string,
  beforeOpening?: () => Promise<void>,
) {
  await page.getByRole('button', { name: 'Create' }).click();
  // The run goes to the end: validation, publish and registration.
  const open = page.getByRole('link', {
    name: 'Open the service in the catalog',
  });
  await expect(open).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByText(/\d+ Kubernetes objects rendered and validated/),
  ).toBeVisible();
  await beforeOpening?.();
  await open.click();
  await expect(page.getByRole('heading', { name })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('link', { name: `${name}-api` })).toBeVisible();
}

test.describe.configure({ timeout: 180_000 });

test('a TypeScript service: the form refuses a taken name and a canary weight over 100', async ({
  page,
}) => {
  const name = `photos-${suffix}`;
  await page.goto('/create');
  await expect(page.getByText('TypeScript HTTP service')).toBeVisible();
  await page.goto('/create/templates/default/typescript-service');
  await page.getByRole('button', { name: 'Next' }).click();

  await fillServicePage(page, 'listings-service', 'Listings');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#root_name__error')).toHaveText(
    /component:default\/listings-service is already in the catalog/,
  );
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByLabel('CI provider')).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  const canary = page.getByLabel('Canary weight (%)');
  await canary.fill('150');
  await page.getByRole('button', { name: 'Next' }).click();
  // Still on the mesh page: the browser refused the value.
  await expect(canary).toBeVisible();
  expect(
    await canary.evaluate(el => (el as HTMLInputElement).validity.valid),
  ).toBe(false);
  await canary.fill('25');

  await nextUntilReview(page);
  await expect(page.getByText(name).first()).toBeVisible();
  await createAndOpen(page, name);
});

test('a Python model-serving service on a MIG slice', async ({ page }) => {
  const name = `scorer-${suffix}`;
  await page.goto('/create/templates/default/python-model-service');
  await page.getByLabel('GPU profile').click();
  await page.getByRole('option', { name: /MIG slice/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await fillServicePage(page, name, 'AI');
  await nextUntilReview(page);
  await createAndOpen(page, name);
  await expect(page.getByText('gpu', { exact: true })).toBeVisible();
});

test('a Java service with GitLab CI', async ({ page }) => {
  const name = `ledger-${suffix}`;
  await page.goto('/create/templates/default/java-service');
  await page.getByRole('button', { name: 'Next' }).click();
  await fillServicePage(page, name, 'Payments');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('CI provider').click();
  await page.getByRole('option', { name: 'GitLab CI' }).click();
  await nextUntilReview(page);
  await createAndOpen(page, name, async () => {
    const files = await publishedFiles(page);
    expect(files).toContain('.gitlab-ci.yml');
    expect(files.filter(f => f.startsWith('.github/workflows/'))).toEqual([]);
  });
});
