import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  COST_CENTER_ANNOTATION,
  CostAttributionIndex,
  CostComponent,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@gogidix/plugin-cost-common';

/** Supplies the catalog's view of components and teams for attribution. */
export interface CostCatalog {
  index(): Promise<CostAttributionIndex>;
}

/** What the catalog says about a component's cost owner. */
export function toCostComponent(entity: Entity): CostComponent {
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as { owner?: string; system?: string };
  const owner = spec.owner
    ? parseEntityRef(spec.owner, { defaultKind: 'group' }).name
    : null;
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    team: annotations[COST_CENTER_ANNOTATION] ?? owner ?? 'unallocated',
    system: spec.system
      ? parseEntityRef(spec.system, { defaultKind: 'system' }).name
      : null,
    kubernetesId: annotations[KUBERNETES_ID_ANNOTATION] ?? null,
    kubernetesNamespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION] ?? null,
  };
}

/**
 * Reads components and groups from the catalog with the plugin's own
 * credentials and keeps the index for a minute: every cost page needs it and
 * the catalog changes far less often than pages are opened.
 */
export class CatalogCostCatalog implements CostCatalog {
  #cached: { at: number; index: Promise<CostAttributionIndex> } | undefined;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly maxAgeMs = 60_000,
  ) {}

  index(): Promise<CostAttributionIndex> {
    const now = Date.now();
    if (!this.#cached || now - this.#cached.at > this.maxAgeMs) {
      const index = this.#load();
      this.#cached = { at: now, index };
      index.catch(() => {
        this.#cached = undefined;
      });
    }
    return this.#cached.index;
  }

  async #load(): Promise<CostAttributionIndex> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntities(
      {
        filter: [{ kind: 'Component' }, { kind: 'Group' }],
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
          'spec.system',
        ],
      },
      { credentials },
    );
    return new CostAttributionIndex(
      items.filter(e => e.kind === 'Component').map(toCostComponent),
      items.filter(e => e.kind === 'Group').map(e => e.metadata.name),
    );
  }
}
