import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CachedLoader } from '@gogidix/portal-node';
import {
  ContestedKeys,
  CostAttributionIndex,
  CostComponent,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import {
  ClaimBook,
  ClaimResolution,
  claimsOf,
} from '@gogidix/plugin-oncall-common';
import {
  COST_CENTER_ANNOTATION,
  entityOwnerTeamRef,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  ownerTeamRef,
} from '@gogidix/portal-common';
import { costTeamLabel } from './costTeams';

/** Supplies the catalog's view of components and teams for attribution. */
export interface CostCatalog {
  index(): Promise<CostAttributionIndex>;
}

/** The annotations through which a component claims cost. */
const CLAIMED = [KUBERNETES_ID_ANNOTATION, KUBERNETES_NAMESPACE_ANNOTATION];

/** The group ref a cost centre names, read as the catalog reads owners. */
function costCenterRef(entity: Entity, costCenter: string): string | undefined {
  try {
    return ownerTeamRef(costCenter, {
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
  } catch {
    return undefined;
  }
}

/**
 * The team charged, as a full group ref: the owner's, or the
 * `gogidix.io/cost-center` when it names the owner's own team or
 * `gogidix.claims` gives that cost centre to the owner. Anything else would
 * move the component's cost onto a team that did not agree, so it is
 * ignored with a reason.
 */
function chargedTeam(
  entity: Entity,
  resolutions: ClaimResolution[],
): { team: string; conflict?: string } {
  const owner = entityOwnerTeamRef(entity);
  const costCenter = entity.metadata.annotations?.[COST_CENTER_ANNOTATION];
  if (!owner) {
    return { team: UNALLOCATED };
  }
  const costCenterTeam = costCenter && costCenterRef(entity, costCenter);
  if (!costCenter || costCenterTeam === owner) {
    return { team: owner };
  }
  const granted = resolutions.some(
    r =>
      r.annotation === COST_CENTER_ANNOTATION &&
      r.value === costCenter &&
      r.owner === owner,
  );
  const ownerName = costTeamLabel(owner);
  return granted && costCenterTeam
    ? { team: costCenterTeam }
    : {
        team: owner,
        conflict: `${COST_CENTER_ANNOTATION} "${costCenter}" is not this component's owner (${ownerName}); its cost goes to ${ownerName} until the annotation is removed or gogidix.claims gives that cost centre to ${ownerName}`,
      };
}

/** What the catalog says about a component's cost owner. */
function toCostComponent(
  entity: Entity,
  book: ClaimBook,
  resolutions: ClaimResolution[],
): CostComponent {
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as { system?: string };
  const charged = chargedTeam(entity, resolutions);
  const conflicts = charged.conflict ? [charged.conflict] : [];
  for (const claim of claimsOf(entity, CLAIMED)) {
    const verdict = book.verdict(claim.annotation, claim.value, claim.owner);
    if (verdict.status !== 'held') {
      conflicts.push(verdict.reason);
    }
  }
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    team: charged.team,
    system: spec.system
      ? parseEntityRef(spec.system, { defaultKind: 'system' }).name
      : null,
    kubernetesId: annotations[KUBERNETES_ID_ANNOTATION] ?? null,
    kubernetesNamespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION] ?? null,
    conflicts,
  };
}

/**
 * Workload ids and namespaces two owners claim, from every component: they
 * are attributed to neither until `gogidix.claims` names the holder, and a
 * claim config overrules is dropped.
 */
export function costIndexOf(
  entities: Entity[],
  resolutions: ClaimResolution[],
): CostAttributionIndex {
  const components = entities.filter(e => e.kind === 'Component');
  const book = new ClaimBook(
    components.flatMap(e => claimsOf(e, CLAIMED)),
    resolutions,
  );
  const contested: ContestedKeys = {
    workloads: new Map(),
    namespaces: new Map(),
  };
  for (const { annotation, value, verdict } of book.contested()) {
    if (verdict.status !== 'contested') continue;
    (annotation === KUBERNETES_ID_ANNOTATION
      ? contested.workloads
      : contested.namespaces
    ).set(value, verdict.reason);
  }
  const overruled = (entity: Entity, annotation: string) => {
    const claim = claimsOf(entity, [annotation])[0];
    return (
      claim &&
      book.verdict(annotation, claim.value, claim.owner).status === 'overruled'
    );
  };
  return new CostAttributionIndex(
    components.map(entity => {
      const component = toCostComponent(entity, book, resolutions);
      return {
        ...component,
        kubernetesId: overruled(entity, KUBERNETES_ID_ANNOTATION)
          ? null
          : component.kubernetesId,
        kubernetesNamespace: overruled(entity, KUBERNETES_NAMESPACE_ANNOTATION)
          ? null
          : component.kubernetesNamespace,
      };
    }),
    entities.filter(e => e.kind === 'Group').map(e => stringifyEntityRef(e)),
    contested,
  );
}

/**
 * Reads components and groups from the catalog with the plugin's own
 * credentials and keeps the index for a minute: every cost page needs it and
 * the catalog changes far less often than pages are opened.
 */
export class CatalogAttributionIndexReader implements CostCatalog {
  readonly #index: CachedLoader<CostAttributionIndex>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly resolutions: ClaimResolution[] = [],
    maxAgeMs = 60_000,
  ) {
    this.#index = new CachedLoader({ ttlMs: maxAgeMs, maxEntries: 1 });
  }

  index(): Promise<CostAttributionIndex> {
    return this.#index.get('index', () => this.#load());
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
    return costIndexOf(items, this.resolutions);
  }
}
