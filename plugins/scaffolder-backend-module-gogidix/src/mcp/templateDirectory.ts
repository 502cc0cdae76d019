import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  fetchContents,
  serializeDirectoryContents,
} from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DryRunFile } from './ScaffolderRequests';

/**
 * Where a template's relative URLs (`./skeleton`) point, as the scaffolder
 * resolves them for a task: its source location, or the location it was
 * read from.
 */
export function templateBaseUrl(template: Entity): string {
  const annotations = template.metadata.annotations ?? {};
  const location =
    annotations[ANNOTATION_SOURCE_LOCATION] ?? annotations[ANNOTATION_LOCATION];
  if (location) {
    const { type, target } = parseLocationRef(location);
    if (type === 'url') return target;
    if (type === 'file') return `file://${target}`;
  }
  throw new InputError(
    `templateRef: ${template.metadata.name} has no location the scaffolder can read its files from`,
  );
}

/**
 * The template's folder as the dry-run API takes it (the Template Editor
 * sends the folder open in the browser; here it is read from where the
 * catalog found the template), so that the dry run fetches the same
 * skeleton as the task will.
 */
export async function templateDirectoryContents(options: {
  template: Entity;
  reader: UrlReaderService;
  integrations: ScmIntegrations;
}): Promise<DryRunFile[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'template-dry-run-'));
  try {
    await fetchContents({
      reader: options.reader,
      integrations: options.integrations,
      baseUrl: templateBaseUrl(options.template),
      fetchUrl: '.',
      outputPath: dir,
    });
    const files = await serializeDirectoryContents(dir);
    return files.map(file => ({
      path: file.path,
      base64Content: file.content.toString('base64'),
      ...(file.executable ? { executable: true } : {}),
    }));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
