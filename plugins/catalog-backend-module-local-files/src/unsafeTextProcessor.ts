import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { unsafeCharacterIn } from '@gogidix/plugin-scaffolder-backend-module-gogidix';

/** The names people read in the portal, as a catalog file spells them. */
const READ_BY_PEOPLE: Array<[field: string, value: (e: Entity) => unknown]> = [
  ['metadata.title', e => e.metadata.title],
  ['metadata.description', e => e.metadata.description],
  [
    'spec.profile.displayName',
    e =>
      (e.spec?.profile as { displayName?: unknown } | undefined)?.displayName,
  ],
];

/**
 * Refuses an entity whose title, description or display name holds the
 * control or bidirectional formatting characters the scaffolder refuses in
 * template answers, so a catalog file registered directly cannot bring them
 * in either. The catalog then keeps the entity's previous version and shows
 * the error. Runs after placeholders are resolved, so `$text` is checked too.
 */
export class UnsafeTextProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'UnsafeTextProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    for (const [field, valueOf] of READ_BY_PEOPLE) {
      const value = valueOf(entity);
      if (typeof value !== 'string') continue;
      // Line breaks and tabs are plain text in a YAML block (`description: |`).
      const character = unsafeCharacterIn(value.replace(/[\t\n]/g, ' '));
      if (character) {
        emit(
          processingResult.inputError(
            location,
            `${field} contains the control or bidirectional formatting character ${character}; remove it`,
          ),
        );
      }
    }
    return entity;
  }
}
