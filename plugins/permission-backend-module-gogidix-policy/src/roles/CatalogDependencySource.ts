import { AuthService } from '@backstage/backend-plugin-api';
import { RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CachedLoader } from '@gogidix/portal-node';

/** How many owners' answers are kept: about one per signed-in person. */
const MAX_OWNER_SETS = 1000;

/**
 * What the components a set of owners own depend on (`dependsOn`, as
 * entity refs), read from the catalog with the policy's own credentials
 * and reused for `maxAgeMs` (gogidix.roles' group cache age), as the group
 * tree is.
 */
export class CatalogDependencySource {
  readonly #cache: CachedLoader<string[]>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      maxAgeMs: number;
    },
  ) {
    this.#cache = new CachedLoader({
      ttlMs: Math.max(deps.maxAgeMs - 1, 0),
      maxEntries: MAX_OWNER_SETS,
    });
  }

  of(ownerRefs: string[]): Promise<string[]> {
    const owners = [...new Set(ownerRefs)].sort();
    return this.#cache.get(owners.join('\n'), () => this.read(owners));
  }

  private async read(owners: string[]): Promise<string[]> {
    if (owners.length === 0) return [];
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Component', 'relations.ownedBy': owners },
        fields: ['relations'],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    return [
      ...new Set(
        items.flatMap(entity =>
          (entity.relations ?? [])
            .filter(r => r.type === RELATION_DEPENDS_ON)
            .map(r => r.targetRef),
        ),
      ),
    ].sort();
  }
}
