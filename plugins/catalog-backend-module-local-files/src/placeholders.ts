import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
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
import { rememberReadContent } from './validationReads';

/**
 * Why a placeholder was refused. Its message is written for the entity's
 * author and never carries file content or a path on the server.
 */
class PlaceholderRefusal extends Error {}

/** The folders placeholders may read on disk, fixed by the portal's config. */
export interface LocalFileFolders {
  /**
   * Folders of the `file` locations in `catalog.locations`: only a catalog
   * file inside one of them resolves placeholders on disk.
   */
  catalogFolders: string[];
  /** `catalog.localFiles.sharedFolders`: readable from any trusted catalog file. */
  sharedFolders: string[];
}

/**
 * A catalog file registered as a `file` location has a plain path as its base,
 * which the stock resolvers cannot turn into a URL. A base is only trusted when
 * it lies in the folder of a `file` location the portal's config registers:
 * the base comes from the entity's managed-by-location annotation, which an
 * entity given to validate-entity writes itself. From a trusted catalog file,
 * a reference may name files beside or below it, or in the shared folders.
 */
export async function readBesideCatalogFile(
  catalogFile: string,
  reference: string,
  folders: LocalFileFolders,
): Promise<string> {
  const base = path.resolve(catalogFile);
  const realBase = await fs.realpath(base).catch(() => undefined);
  const realCatalogFolders = await realFolders(folders.catalogFolders);
  if (!realBase || !realCatalogFolders.some(f => isInside(f, realBase))) {
    throw new PlaceholderRefusal(
      'the entity is not from a catalog file the portal registers, so it may not read files on disk',
    );
  }
  if (path.isAbsolute(reference)) {
    throw new PlaceholderRefusal(
      'absolute paths are not allowed; use a path relative to the catalog file',
    );
  }
  const directory = path.dirname(realBase);
  const target = path.resolve(directory, reference);
  const allowed = [
    directory,
    ...folders.sharedFolders.map(f => path.resolve(f)),
  ];
  if (!allowed.some(folder => isInside(folder, target))) {
    throw new PlaceholderRefusal(
      "the path leads outside the catalog file's folder; a catalog file may only refer to files in its own folder or below, or in catalog.localFiles.sharedFolders",
    );
  }
  // Symbolic links must not lead out of those folders either.
  const realTarget = await fs.realpath(target).catch(() => {
    throw new PlaceholderRefusal('no such file');
  });
  const realAllowed = await realFolders(allowed);
  if (!realAllowed.some(folder => isInside(folder, realTarget))) {
    throw new PlaceholderRefusal(
      "the path leads through a link to a file outside the catalog file's folder",
    );
  }
  return fs.readFile(realTarget, 'utf8').catch(() => {
    throw new PlaceholderRefusal('not a readable file');
  });
}

function realFolders(folders: string[]): Promise<string[]> {
  return Promise.all(
    folders.map(f => fs.realpath(path.resolve(f)).catch(() => path.resolve(f))),
  );
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
    throw new PlaceholderRefusal(
      "the URL is not in the same repository as the entity's catalog file",
    );
  }
}

async function readReferencedText(
  params: PlaceholderResolverParams,
  folders: LocalFileFolders,
  logger?: LoggerService,
): Promise<string> {
  const { key, value, baseUrl } = params;
  if (typeof value !== 'string') {
    throw new InputError(
      `Placeholder $${key} expects a string: a path relative to the catalog file, or an absolute URL`,
    );
  }
  try {
    let content: string;
    if (isLocalPath(baseUrl) && isLocalPath(value)) {
      content = await readBesideCatalogFile(baseUrl, value, folders);
    } else {
      const url = params.resolveUrl(value, baseUrl);
      assertSameRepository(url, baseUrl);
      content = (await params.read(url)).toString('utf8');
      params.emit(processingResult.refresh(`url:${url}`));
    }
    rememberReadContent(content);
    return content;
  } catch (error) {
    if (error instanceof PlaceholderRefusal) {
      throw new InputError(`Placeholder $${key} (${value}): ${error.message}`);
    }
    // A reader's own message may name server paths or quote what it read;
    // the entity's author gets the kind of failure, the log the detail.
    const { name } = error as Error;
    logger?.warn(`Placeholder $${key} could not read ${value}: ${name}`);
    throw new InputError(
      `Placeholder $${key} (${value}): could not be read (${name})`,
    );
  }
}

/** The position of a JSON syntax error, without the excerpt Node quotes. */
function jsonErrorPosition(error: unknown): string {
  const match = /line \d+ column \d+/.exec(String((error as Error).message));
  return match ? ` at ${match[0]}` : '';
}

/** Remembers every string of a parsed document, for validate-entity's answers. */
function rememberStrings(value: JsonValue): JsonValue {
  if (typeof value === 'string') {
    rememberReadContent(value);
  } else if (Array.isArray(value)) {
    value.forEach(rememberStrings);
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(v => v !== undefined && rememberStrings(v));
  }
  return value;
}

/** The `$text`, `$json` and `$yaml` resolvers, given the folders on disk. */
export function createPlaceholderResolvers(
  folders: LocalFileFolders,
  logger?: LoggerService,
) {
  const textPlaceholderResolver: PlaceholderResolver = params =>
    readReferencedText(params, folders, logger);

  const jsonPlaceholderResolver: PlaceholderResolver = async params => {
    const content = await readReferencedText(params, folders, logger);
    try {
      return rememberStrings(JSON.parse(content) as JsonValue);
    } catch (error) {
      throw new InputError(
        `Placeholder $${params.key} found invalid JSON in ${
          params.value
        }${jsonErrorPosition(error)}`,
      );
    }
  };

  const yamlPlaceholderResolver: PlaceholderResolver = async params => {
    const content = await readReferencedText(params, folders, logger);
    const documents = yaml.parseAllDocuments(content).filter(d => d.contents);
    if (documents.length !== 1) {
      throw new InputError(
        `Placeholder $${params.key} expects exactly one YAML document in ${params.value}, found ${documents.length}`,
      );
    }
    const [document] = documents;
    if (document.errors.length) {
      // The parser's message quotes the offending line; only say where it is.
      const [error] = document.errors;
      const where = error.linePos
        ? ` at line ${error.linePos[0].line} column ${error.linePos[0].col}`
        : '';
      throw new InputError(
        `Placeholder $${params.key} found invalid YAML in ${params.value}${where} (${error.code})`,
      );
    }
    return rememberStrings(document.toJSON() as JsonValue);
  };

  return {
    text: textPlaceholderResolver,
    json: jsonPlaceholderResolver,
    yaml: yamlPlaceholderResolver,
  };
}
