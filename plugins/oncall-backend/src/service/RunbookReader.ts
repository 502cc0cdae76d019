import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  inSameRepository,
  Runbook,
  RunbookSummary,
  isRunbookName,
} from '@gogidix/plugin-oncall-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { RUNBOOKS_ANNOTATION } from '@gogidix/portal-common';

/** Where an entity's runbooks live: a folder on disk or in a repository. */
type RunbookFolder =
  | { type: 'file'; directory: string; root: string; shown: string }
  | { type: 'url'; url: string };

/**
 * Reads the markdown runbooks in the folder an entity's `gogidix.io/runbooks`
 * annotation names, relative to the catalog file the entity came from: from
 * disk for `file` locations (the demo organisation), through the UrlReader for
 * repositories. A runbook can never be read from outside that folder on
 * disk, nor from outside the catalog file's repository.
 */
export class RunbookReader {
  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly integrations: ScmIntegrationRegistry,
  ) {}

  /** The folder the runbooks are expected in, as people should see it. */
  expectedLocation(entity: Entity): string {
    const folder = this.folder(entity);
    return folder.type === 'file' ? folder.shown : folder.url;
  }

  async list(entity: Entity): Promise<RunbookSummary[]> {
    const folder = this.folder(entity);
    let files: Array<{ name: string; read: () => Promise<string> }>;
    if (folder.type === 'file') {
      const names = await fs.readdir(folder.directory).catch(error => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return [];
        }
        throw error;
      });
      files = names.map(name => ({
        name,
        read: () => readInside(folder.root, path.join(folder.directory, name)),
      }));
    } else {
      const tree = await this.urlReader.readTree(folder.url);
      files = (await tree.files())
        .filter(f => !f.path.includes('/'))
        .map(f => ({
          name: f.path,
          read: async () => (await f.content()).toString('utf8'),
        }));
    }
    const runbooks = await Promise.all(
      files
        .filter(f => f.name.endsWith('.md'))
        .map(async (f): Promise<RunbookSummary | undefined> => {
          const name = f.name.slice(0, -'.md'.length);
          if (!isRunbookName(name)) {
            return undefined;
          }
          try {
            return { name, title: runbookTitle(await f.read(), name) };
          } catch (error) {
            // A link out of the repository is not a runbook; leave it out.
            if (error instanceof NotAllowedError) {
              return undefined;
            }
            throw error;
          }
        }),
    );
    return runbooks
      .filter((r): r is RunbookSummary => r !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(entity: Entity, name: string): Promise<Runbook> {
    if (!isRunbookName(name)) {
      throw new InputError(`"${name}" is not a runbook name`);
    }
    const folder = this.folder(entity);
    const file = `${name}.md`;
    let markdown: string;
    let source: string;
    try {
      if (folder.type === 'file') {
        source = path.posix.join(folder.shown, file);
        markdown = await readInside(
          folder.root,
          path.join(folder.directory, file),
        );
      } else {
        source = `${folder.url.replace(/\/?$/, '/')}${file}`;
        markdown = (
          await (await this.urlReader.readUrl(source)).buffer()
        ).toString('utf8');
      }
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code === 'ENOENT' ||
        (error as Error).name === 'NotFoundError'
      ) {
        throw new NotFoundError(
          `Runbook missing: expected ${file} in ${this.expectedLocation(
            entity,
          )}`,
        );
      }
      throw error;
    }
    return { name, title: runbookTitle(markdown, name), markdown, source };
  }

  private folder(entity: Entity): RunbookFolder {
    const reference = entity.metadata.annotations?.[RUNBOOKS_ANNOTATION];
    const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!reference) {
      throw new NotFoundError(
        `The entity has no ${RUNBOOKS_ANNOTATION} annotation`,
      );
    }
    if (!location) {
      throw new NotFoundError(`The entity has no ${ANNOTATION_LOCATION}`);
    }
    const { type, target } = parseLocationRef(location);
    if (type === 'file') {
      if (path.isAbsolute(reference) || /^[a-z]+:/i.test(reference)) {
        throw new NotAllowedError(
          `${RUNBOOKS_ANNOTATION} must be a path relative to the entity's catalog file, e.g. ./docs/runbooks`,
        );
      }
      const root = path.dirname(path.resolve(target));
      const directory = path.resolve(root, reference);
      if (!isInside(root, directory)) {
        throw new NotAllowedError(
          `${RUNBOOKS_ANNOTATION} "${reference}" points outside the folder of the entity's catalog file; runbooks must be beside or below it, e.g. ./docs/runbooks`,
        );
      }
      // People see the folder as the annotation names it, never where the
      // portal keeps it on disk.
      const shown = path.relative(root, directory).split(path.sep).join('/');
      return { type: 'file', directory, root, shown };
    }
    if (type === 'url') {
      const url = this.integrations.resolveUrl({
        url: reference,
        base: target,
      });
      // Read with the portal's credentials: only from the repository the
      // entity's own catalog file came from.
      if (!inSameRepository(url, target)) {
        throw new NotAllowedError(
          `${RUNBOOKS_ANNOTATION} points outside the repository of this entity's catalog-info.yaml; use a folder in that repository, e.g. ./docs/runbooks`,
        );
      }
      return { type: 'url', url };
    }
    throw new NotAllowedError(
      `Runbooks cannot be read for entities from a "${type}" location`,
    );
  }
}

/** The first level-one heading, else the file name. */
export function runbookTitle(markdown: string, fallback: string): string {
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(markdown);
  return heading ? heading[1] : fallback;
}

function isInside(directory: string, target: string): boolean {
  const relative = path.relative(directory, target);
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  );
}

/** Symbolic links must not lead out of the repository folder either. */
async function readInside(root: string, file: string): Promise<string> {
  const [realRoot, realFile] = await Promise.all([
    fs.realpath(root),
    fs.realpath(file),
  ]);
  if (!isInside(realRoot, realFile)) {
    throw new NotAllowedError(
      `${path.basename(file)} is a link that leads out of the entity's folder`,
    );
  }
  return fs.readFile(realFile, 'utf8');
}
