import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  OPENSLO_ANNOTATION,
  parseOpenSloDocuments,
  ParsedOpenSlo,
} from '@gogidix/plugin-slo-common';
import fs from 'node:fs/promises';
import path from 'node:path';

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

/**
 * Reads a file named relative to a catalog file on disk (the demo catalog's
 * `file:` locations, which UrlReader does not serve). Like the catalog's
 * own placeholders, it may not leave the catalog file's folder.
 */
async function readBesideFile(
  catalogFile: string,
  reference: string,
): Promise<string> {
  const directory = await fs.realpath(path.dirname(path.resolve(catalogFile)));
  const target = await fs.realpath(path.resolve(directory, reference));
  const relative = path.relative(directory, target);
  if (
    relative === '' ||
    relative.startsWith('..') ||
    path.isAbsolute(relative)
  ) {
    throw new NotAllowedError(
      `${reference} points outside the catalog file's folder`,
    );
  }
  return fs.readFile(target, 'utf8');
}

/**
 * Finds and parses an entity's OpenSLO document: a URL in the annotation is
 * read as is; a relative path is resolved against the entity's location
 * (`backstage.io/managed-by-location`), through UrlReader for `url:`
 * locations and from disk for `file:` ones.
 */
export class OpenSloDocumentReader {
  constructor(private readonly reader: UrlReaderService) {}

  async read(entity: Entity): Promise<ParsedOpenSlo> {
    const reference = entity.metadata.annotations?.[OPENSLO_ANNOTATION];
    const entityRef = stringifyEntityRef(entity);
    if (!reference) return { slos: [], problems: [] };
    let source = reference;
    try {
      let text: string;
      if (isUrl(reference)) {
        text = await this.readUrl(reference);
      } else {
        const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
        if (!location)
          throw new Error(`${entityRef} has no ${ANNOTATION_LOCATION}`);
        const { type, target } = parseLocationRef(location);
        if (type === 'file') {
          // Named as the annotation does: the portal's own paths stay hidden.
          text = await readBesideFile(target, reference);
        } else {
          source = new URL(reference, target).toString();
          text = await this.readUrl(source);
        }
      }
      return parseOpenSloDocuments(text, source);
    } catch (error) {
      return {
        slos: [],
        problems: [
          {
            source,
            path: `metadata.annotations["${OPENSLO_ANNOTATION}"]`,
            message: `could not read the OpenSLO document: ${
              (error as NodeJS.ErrnoException).code ?? (error as Error).message
            }`,
          },
        ],
      };
    }
  }

  private async readUrl(url: string): Promise<string> {
    const response = await this.reader.readUrl(url);
    return (await response.buffer()).toString('utf8');
  }
}
