import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClaimBook,
  ClaimResolution,
  claimsOf,
} from '@gogidix/plugin-oncall-common';
import {
  entityOwnerTeamRef,
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
} from '@gogidix/portal-common';
import { CachedLoader } from '@gogidix/portal-node';

/** The annotations through which a component claims what the sources read. */
export const DELIVERY_CLAIMS = [
  GITHUB_PROJECT_SLUG_ANNOTATION,
  GITLAB_PROJECT_SLUG_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
];

/** A component as the delivery pages know it. */
export interface DeliveryComponent {
  entityRef: string;
  name: string;
  /** The owner's full group ref; null when the owner is no group. */
  team: string | null;
  /** Annotations that do not count, and why (contested or overruled). */
  conflicts: string[];
}

/**
 * What the sources may read and for whom: each value is read for one
 * component only. An annotation value maps here only when its owner holds
 * it; a value two owners claim maps to no component.
 */
export interface DeliveryTargets {
  components: DeliveryComponent[];
  /** `owner/repo` (lower case) → component ref. */
  github: Map<string, string>;
  /** `group/project` (lower case) → component ref. */
  gitlab: Map<string, string>;
  /** PagerDuty service id → component ref. */
  pagerDuty: Map<string, string>;
  /** Alertmanager's service label value (the component's name) → ref. */
  serviceNames: Map<string, string>;
}

/** Supplies the catalog's components and who may be read for them. */
export interface DeliveryCatalog {
  targets(): Promise<DeliveryTargets>;
}

/** How an annotation value is compared: slugs ignore case, as GitHub and GitLab do. */
const normalise = (annotation: string, value: string) =>
  annotation === PAGERDUTY_SERVICE_ANNOTATION ? value : value.toLowerCase();

/**
 * The targets of every component in one catalog snapshot. Annotations are
 * input, not trust: a repository or PagerDuty service claimed by two owners
 * is read for neither (until `gogidix.claims` names the holder), so nobody
 * can pull another team's deployments or incidents onto their own page.
 * When one owner's components share a value, the first by ref gets it.
 */
export function deliveryTargetsOf(
  entities: Entity[],
  resolutions: ClaimResolution[],
): DeliveryTargets {
  const components = entities
    .filter(e => e.kind === 'Component')
    .sort((a, b) => stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)));
  const normalised = (entity: Entity) =>
    claimsOf(entity, DELIVERY_CLAIMS).map(c => ({
      ...c,
      value: normalise(c.annotation, c.value),
    }));
  const book = new ClaimBook(
    components.flatMap(normalised),
    resolutions.map(r => ({ ...r, value: normalise(r.annotation, r.value) })),
  );
  const maps = new Map<string, Map<string, string>>(
    DELIVERY_CLAIMS.map(a => [a, new Map()]),
  );
  const result: DeliveryComponent[] = [];
  for (const entity of components) {
    const entityRef = stringifyEntityRef(entity);
    const conflicts: string[] = [];
    for (const claim of normalised(entity)) {
      const verdict = book.verdict(claim.annotation, claim.value, claim.owner);
      const map = maps.get(claim.annotation)!;
      if (verdict.status !== 'held') {
        conflicts.push(verdict.reason);
      } else if (!map.has(claim.value)) {
        map.set(claim.value, entityRef);
      }
    }
    result.push({
      entityRef,
      name: entity.metadata.name,
      team: entityOwnerTeamRef(entity) ?? null,
      conflicts,
    });
  }
  // Alertmanager names a service, not a namespace: a name two components
  // share identifies neither.
  const byName = new Map<string, string[]>();
  for (const c of result) {
    byName.set(c.name, [...(byName.get(c.name) ?? []), c.entityRef]);
  }
  return {
    components: result,
    github: maps.get(GITHUB_PROJECT_SLUG_ANNOTATION)!,
    gitlab: maps.get(GITLAB_PROJECT_SLUG_ANNOTATION)!,
    pagerDuty: maps.get(PAGERDUTY_SERVICE_ANNOTATION)!,
    serviceNames: new Map(
      [...byName.entries()]
        .filter(([, refs]) => refs.length === 1)
        .map(([name, [ref]]) => [name, ref]),
    ),
  };
}

/**
 * Reads components from the catalog with the plugin's own credentials and
 * keeps the targets for a minute: every page and every source read needs
 * them, and the catalog changes far less often.
 */
export class CatalogDeliveryReader implements DeliveryCatalog {
  readonly #targets: CachedLoader<DeliveryTargets>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly resolutions: ClaimResolution[] = [],
    maxAgeMs = 60_000,
  ) {
    this.#targets = new CachedLoader({ ttlMs: maxAgeMs, maxEntries: 1 });
  }

  targets(): Promise<DeliveryTargets> {
    return this.#targets.get('targets', () => this.#load());
  }

  async #load(): Promise<DeliveryTargets> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials },
    );
    return deliveryTargetsOf(items, this.resolutions);
  }
}
