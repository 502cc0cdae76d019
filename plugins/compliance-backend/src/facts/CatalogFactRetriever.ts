import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { FactRetriever, factsWithValues } from './FactRetriever';
import { repositoryPath } from './repositoryPath';
import {
  OPENSLO_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
  RUNBOOKS_ANNOTATION,
  TIER_LABEL,
  VAULT_SECRETS_PATH_ANNOTATION,
} from '@gogidix/portal-common';

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** Where the catalog read the entity; a file on disk by its repository path. */
function catalogLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  try {
    const { type, target } = parseLocationRef(location);
    return type === 'file' ? `file:${repositoryPath(target)}` : location;
  } catch {
    return undefined;
  }
}

/** Ownership, lifecycle, tier and operational annotations, read from the entity. */
export class CatalogFactRetriever implements FactRetriever {
  readonly id = 'catalog';
  readonly facts = [
    { id: 'catalog.owner', description: 'spec.owner, or null' },
    { id: 'catalog.lifecycle', description: 'spec.lifecycle, or null' },
    { id: 'catalog.tier', description: `the ${TIER_LABEL} label, or null` },
    {
      id: 'catalog.pagerduty',
      description: `whether ${PAGERDUTY_SERVICE_ANNOTATION} is set`,
    },
    {
      id: 'catalog.runbooksDeclared',
      description: `whether ${RUNBOOKS_ANNOTATION} is set`,
    },
    {
      id: 'catalog.sloDeclared',
      description: `whether ${OPENSLO_ANNOTATION} is set`,
    },
    {
      id: 'catalog.vaultPath',
      description: `whether ${VAULT_SECRETS_PATH_ANNOTATION} is set`,
    },
    {
      id: 'catalog.apiSpec',
      description: 'whether spec.providesApis names at least one API',
    },
  ];

  async retrieve(
    entities: Array<{ entity: Entity; entityRef: string }>,
    now: Date,
  ) {
    const collectedAt = now.toISOString();
    return entities.flatMap(({ entity, entityRef }) => {
      const annotations = entity.metadata.annotations ?? {};
      const spec = entity.spec ?? {};
      const apis = spec.providesApis;
      return factsWithValues(
        entityRef,
        {
          'catalog.owner': text(spec.owner),
          'catalog.lifecycle': text(spec.lifecycle),
          'catalog.tier': text(entity.metadata.labels?.[TIER_LABEL]),
          'catalog.pagerduty': Boolean(
            text(annotations[PAGERDUTY_SERVICE_ANNOTATION]),
          ),
          'catalog.runbooksDeclared': Boolean(
            text(annotations[RUNBOOKS_ANNOTATION]),
          ),
          'catalog.sloDeclared': Boolean(text(annotations[OPENSLO_ANNOTATION])),
          'catalog.vaultPath': Boolean(
            text(annotations[VAULT_SECRETS_PATH_ANNOTATION]),
          ),
          'catalog.apiSpec': Array.isArray(apis) && apis.length > 0,
        },
        `catalog ${
          catalogLocation(annotations[ANNOTATION_LOCATION]) ?? entityRef
        }`,
        collectedAt,
      );
    });
  }
}
