import { InputError, NotAllowedError } from '@backstage/errors';
import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { JsonValue } from '@backstage/types';
import parseGitUrl from 'git-url-parse';
import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';

/**
 * A catalog file registered as a `file` location has a plain path as its base,
 * which the stock resolvers cannot turn into a URL. Files on disk may refer to
 * files beside or below themselves, never above, except into the shared
 * folders the portal's config names (e.g. the templates' common form pages).
 */
export async function readBesideCatalogFile(
  catalogFile: string,
  reference: string,
  sharedFolders: string[] = [],
): Promise<string> {
  if (path.isAbsolute(reference)) {
    throw new NotAllowedError(
      `${reference} is an absolute path; use a path relative to ${catalogFile}`,
    );
  }
  const directory = path.dirname(path.resolve(catalogFile));
  const target = path.resolve(directory, reference);
  const allowed = [directory, ...sharedFolders.map(f => path.resolve(f))];
  if (!allowed.some(folder => isInside(folder, target))) {
    throw new NotAllowedError(
      `${reference} points outside ${directory}; a catalog file may only refer to files in its own folder or below, or in catalog.localFiles.sharedFolders`,
    );
  }
  // Symbolic links must not lead out of those folders either.
  const realTarget = await fs.realpath(target);
  const realAllowed = await Promise.all(
    allowed.map(folder => fs.realpath(folder).catch(() => folder)),
  );
  if (!realAllowed.some(folder => isInside(folder, realTarget))) {
    throw new NotAllowedError(
      `${reference} resolves through a link to ${realTarget}, outside ${directory}`,
    );
  }
  return fs.readFile(realTarget, 'utf8');
}

function isInside(directory: string, target: string): boolean {
  const relative = path.relative(directory, target);
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  );
}

/** A base is a local file when it is not a URL with a scheme. */
export function isLocalPath(base: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(base);
}

/** Same rule as the stock resolvers: a URL may not leave the entity's repository. */
function assertSameRepository(resolved: string, base: string) {
  let a;
  let b;
  try {
    a = parseGitUrl(resolved);
    b = parseGitUrl(base);
  } catch {
    return;
  }
  const complete = (u: typeof a) => u.owner && u.name && u.filepath;
  if (!complete(a) || !complete(b)) {
    return;
  }
  if (a.resource !== b.resource || a.full_name !== b.full_name) {
    throw new NotAllowedError(
      `${resolved} is not in the same repository as ${base}`,
    );
  }
}

async function readReferencedText(
  params: PlaceholderResolverParams,
  sharedFolders: string[],
): Promise<string> {
  const { key, value, baseUrl } = params;
  if (typeof value !== 'string') {
    throw new InputError(
      `Placeholder $${key} expects a string: a path relative to the catalog file, or an absolute URL`,
    );
  }
  try {
    if (isLocalPath(baseUrl) && isLocalPath(value)) {
      return await readBesideCatalogFile(baseUrl, value, sharedFolders);
    }
    const url = params.resolveUrl(value, baseUrl);
    assertSameRepository(url, baseUrl);
    const content = (await params.read(url)).toString('utf8');
    params.emit(processingResult.refresh(`url:${url}`));
    return content;
  } catch (error) {
    throw new InputError(
      `Placeholder $${key} could not read ${value} (from ${baseUrl}): ${
        (error as Error).message
      }`,
    );
  }
}

/** The `$text`, `$json` and `$yaml` resolvers, given the shared folders. */
export function createPlaceholderResolvers(sharedFolders: string[] = []) {
  const textPlaceholderResolver: PlaceholderResolver = params =>
    readReferencedText(params, sharedFolders);

  const jsonPlaceholderResolver: PlaceholderResolver = async params => {
    const content = await readReferencedText(params, sharedFolders);
    try {
      return JSON.parse(content) as JsonValue;
    } catch (error) {
      throw new InputError(
        `Placeholder $${params.key} found invalid JSON in ${params.value}: ${
          (error as Error).message
        }`,
      );
    }
  };

  const yamlPlaceholderResolver: PlaceholderResolver = async params => {
    const content = await readReferencedText(params, sharedFolders);
    const documents = yaml.parseAllDocuments(content).filter(d => d.contents);
    if (documents.length !== 1) {
      throw new InputError(
        `Placeholder $${params.key} expects exactly one YAML document in ${params.value}, found ${documents.length}`,
      );
    }
    const [document] = documents;
    if (document.errors.length) {
      throw new InputError(
        `Placeholder $${params.key} found invalid YAML in ${params.value}: ${document.errors[0].message}`,
      );
    }
    return document.toJSON() as JsonValue;
  };

  return {
    text: textPlaceholderResolver,
    json: jsonPlaceholderResolver,
    yaml: yamlPlaceholderResolver,
  };
}
