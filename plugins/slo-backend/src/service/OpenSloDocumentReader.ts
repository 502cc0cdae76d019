import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { inSameRepository } from '@gogidix/plugin-oncall-common';
import {
  parseOpenSloDocuments,
  ParsedOpenSlo,
} from '@gogidix/plugin-slo-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { OPENSLO_ANNOTATION } from '@gogidix/portal-common';

const isUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

const OUTSIDE_FOLDER = `${OPENSLO_ANNOTATION} points outside the catalog file's folder; keep the OpenSLO document beside or below catalog-info.yaml`;

function isInside(directory: string, target: string): boolean {
  const relative = path.relative(directory, target);
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  );
}

/**
 * Reads a file named relative to a catalog file on disk (the demo catalog's
 * `file:` locations, which UrlReader does not serve). Like the catalog's
 * own placeholders, it may not leave the catalog file's folder.
 */
async function readBesideFile(
  catalogFile: string,
  reference: string,
): Promise<{ text: string; document: string }> {
  const directory = path.dirname(path.resolve(catalogFile));
  // Checked before the disk is asked, so no answer tells what exists outside.
  if (!isInside(directory, path.resolve(directory, reference))) {
    throw new NotAllowedError(OUTSIDE_FOLDER);
  }
  const realDirectory = await fs.realpath(directory);
  const target = await fs.realpath(path.resolve(realDirectory, reference));
  if (!isInside(realDirectory, target)) {
    throw new NotAllowedError(OUTSIDE_FOLDER);
  }
  return { text: await fs.readFile(target, 'utf8'), document: target };
}

/**
 * An entity's parsed OpenSLO document, and which document it was: the
 * resolved URL or the real path on disk, so that components sharing one
 * document can be found. `document` stays on the server (paths are private).
 */
export interface EntityOpenSlo extends ParsedOpenSlo {
  document?: string;
}

/**
 * Finds and parses an entity's OpenSLO document, named relative to the
 * entity's location (`backstage.io/managed-by-location`, which the catalog
 * sets itself) or as a URL. The portal reads it with its own credentials, so
 * it must be in the repository of the entity's catalog file, or beside or
 * below that file on disk (see docs/annotations.md, "What an annotation may
 * point at"). A refused or unreadable document is a problem of this entity
 * only.
 */
export class OpenSloDocumentReader {
  constructor(private readonly reader: UrlReaderService) {}

  async read(entity: Entity): Promise<EntityOpenSlo> {
    const reference = entity.metadata.annotations?.[OPENSLO_ANNOTATION];
    const entityRef = stringifyEntityRef(entity);
    if (!reference) return { slos: [], problems: [] };
    let source = reference;
    try {
      const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
      if (!location)
        throw new Error(`${entityRef} has no ${ANNOTATION_LOCATION}`);
      const { type, target } = parseLocationRef(location);
      let text: string;
      let document: string;
      if (type === 'file' && !isUrl(reference)) {
        // Named as the annotation does: the portal's own paths stay hidden.
        ({ text, document } = await readBesideFile(target, reference));
      } else {
        const url =
          type === 'url' ? new URL(reference, target).toString() : reference;
        if (type !== 'url' || !inSameRepository(url, target)) {
          throw new NotAllowedError(
            `${OPENSLO_ANNOTATION} points outside the component's repository (${url}); keep the OpenSLO document in the component's own repository`,
          );
        }
        source = url;
        document = url;
        text = await this.readUrl(url);
      }
      return { ...parseOpenSloDocuments(text, source), document };
    } catch (error) {
      return {
        slos: [],
        problems: [
          {
            source,
            path: `metadata.annotations["${OPENSLO_ANNOTATION}"]`,
            message:
              error instanceof NotAllowedError
                ? error.message
                : `could not read the OpenSLO document: ${
                    (error as NodeJS.ErrnoException).code ??
                    (error as Error).message
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
