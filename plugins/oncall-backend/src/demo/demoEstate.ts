import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ownerRefOf } from '@gogidix/plugin-oncall-common';
import {
  GRAFANA_DASHBOARD_SELECTOR_ANNOTATION,
  PAGERDUTY_SERVICE_ANNOTATION,
  VAULT_SECRETS_PATH_ANNOTATION,
} from '@gogidix/portal-common';
import { CachedLoader } from '@gogidix/portal-node';

/** A person of the demo organisation. */
export interface DemoPerson {
  /** The User entity's name, e.g. `jane.doe`. */
  name: string;
  displayName: string;
}

/** A service of the demo organisation, as the stand-ins serve it. */
export interface DemoService {
  entityRef: string;
  name: string;
  title: string;
  /** `pagerduty.com/service-id`, when set. */
  pagerDutyId?: string;
  /** The owner's full ref and name. */
  ownerRef?: string;
  team?: string;
  /** The owner's members in name order: the on-call rotation. */
  members: DemoPerson[];
  /** The names of the resources it depends on (its secrets are theirs). */
  resources: string[];
  /** `vault.io/secrets-path`, split. */
  vaultPaths: string[];
  /** Whether `grafana/dashboard-selector` asks for dashboards. */
  hasDashboards: boolean;
}

/** How long the catalog's answer is used before it is read again. */
const CATALOG_TTL_MS = 30_000;

/**
 * The demo organisation as the catalog holds it (demo/org/*.yaml and
 * demo/services): the stand-ins make schedules, incidents, dashboards and
 * secret names from its teams, people and services, so the demo follows
 * whatever the catalog says, including services created from templates.
 */
export class DemoEstate {
  readonly #cache = new CachedLoader<DemoService[]>({
    ttlMs: CATALOG_TTL_MS,
    maxEntries: 1,
  });

  constructor(
    private readonly deps: { catalog: CatalogService; auth: AuthService },
  ) {}

  services(): Promise<DemoService[]> {
    return this.#cache.get('services', () => this.read());
  }

  async serviceByPagerDutyId(id: string): Promise<DemoService | undefined> {
    return (await this.services()).find(s => s.pagerDutyId === id);
  }

  private async read(): Promise<DemoService[]> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const [components, users] = await Promise.all([
      this.deps.catalog.getEntities(
        {
          filter: { kind: 'Component' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'metadata.annotations',
            'spec.owner',
            'relations',
          ],
        },
        { credentials },
      ),
      this.deps.catalog.getEntities(
        {
          filter: { kind: 'User' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.profile.displayName',
            'relations',
          ],
        },
        { credentials },
      ),
    ]);
    return components.items.map(entity => toDemoService(entity, users.items));
  }
}

/** One component with the members of its owning team. */
export function toDemoService(entity: Entity, users: Entity[]): DemoService {
  const annotations = entity.metadata.annotations ?? {};
  const ownerRef = ownerRefOf(entity);
  const members = users
    .filter(user =>
      (user.relations ?? []).some(
        r =>
          r.type === RELATION_MEMBER_OF &&
          r.targetRef.toLocaleLowerCase('en-US') === ownerRef,
      ),
    )
    .map(user => ({
      name: user.metadata.name,
      displayName:
        (user.spec?.profile as { displayName?: string } | undefined)
          ?.displayName ?? user.metadata.name,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    pagerDutyId: annotations[PAGERDUTY_SERVICE_ANNOTATION]?.trim() || undefined,
    ownerRef,
    team: ownerRef && parseEntityRef(ownerRef).name,
    members,
    resources: (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => parseEntityRef(r.targetRef))
      .filter(ref => ref.kind.toLocaleLowerCase('en-US') === 'resource')
      .map(ref => ref.name)
      .sort(),
    vaultPaths: (annotations[VAULT_SECRETS_PATH_ANNOTATION] ?? '')
      .split(',')
      .map(p => p.trim().replace(/^\/+|\/+$/g, ''))
      .filter(Boolean),
    hasDashboards: Boolean(annotations[GRAFANA_DASHBOARD_SELECTOR_ANNOTATION]),
  };
}
