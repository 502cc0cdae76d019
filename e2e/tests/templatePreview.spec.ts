import { expect, test } from '@playwright/test';
import path from 'node:path';
import { templateFiles } from '../../plugins/scaffolder-backend-module-gogidix/src/templateFiles';
import { e2e, signedInState } from '../support/environment';

// Template management (the editor and its dry runs) is for platform admins
// (README, "Roles").
test.use({ storageState: signedInState('platformAdmin') });

/**
 * A template author previews a template with a dry run in the Template
 * Editor: the form, then the files the run would generate and its log,
 * without publishing anything. The editor opens a folder through the File
 * System Access API; the test hands it a real folder in the browser's
 * origin-private file system, filled with the template as
 * `yarn template-for-editor` writes it.
 */
test('the dry-run preview of the TypeScript template shows the generated files and the validation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const files: Record<string, string> = templateFiles(
    path.join(e2e.repoRoot, 'templates'),
    'typescript-service',
  );

  await page.addInitScript(() => {
    (window as any).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(
        'typescript-service',
      );
  });
  await page.goto('/create/edit');
  await page.evaluate(async contents => {
    const root = await navigator.storage.getDirectory();
    await root
      .removeEntry('typescript-service', { recursive: true })
      .catch(() => undefined);
    const top = await root.getDirectoryHandle('typescript-service', {
      create: true,
    });
    for (const [filePath, content] of Object.entries(contents)) {
      const parts = filePath.split('/');
      let dir = top;
      for (const part of parts.slice(0, -1)) {
        dir = await dir.getDirectoryHandle(part, { create: true });
      }
      const handle = await dir.getFileHandle(parts[parts.length - 1], {
        create: true,
      });
      const writable = await handle.createWritable();
      await writable.write(content);
      await writable.close();
    }
  }, files);

  await page.getByRole('button', { name: /Load Template Directory/ }).click();
  await expect(page.getByText('template.yaml')).toBeVisible();

  const next = page.getByRole('button', { name: 'Next' });
  await next.click();
  await page.getByLabel('Name').fill('preview-svc');
  await page
    .getByLabel('Description')
    .fill('A service seen only in a preview.');
  await page.locator('#root_owner').fill('Listings');
  await page
    .getByRole('option', { name: /Listings/ })
    .first()
    .click();
  while (await next.isVisible()) {
    await next.click();
  }
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText('Dry-run results')).toBeVisible();
  await expect(page.getByText('Dockerfile')).toBeVisible({ timeout: 60_000 });
  await page.getByText('catalog-info.yaml').click();
  await expect(page.getByText('name: preview-svc').first()).toBeVisible();
  // The run's output: what was validated, and no repository (a dry run
  // skips publishing).
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(
    page.getByText(/\d+ Kubernetes objects rendered and validated/).first(),
  ).toBeVisible();
});
