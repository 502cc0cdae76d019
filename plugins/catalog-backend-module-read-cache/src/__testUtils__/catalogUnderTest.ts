import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogBackend from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { createCatalogModuleReadCache } from '../module';

/** Alice may read everything, Bob only what team-b owns, Carol nothing. */
export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';
export const CAROL = 'user:default/carol';
export const TEAM_B = 'group:default/team-b';

/**
 * The permission policy of these tests, asked in process: a test stand-in
 * for the permission backend that answers as a real policy would.
 */
export class TestPolicy implements PermissionsService {
  /** How often each principal was asked about: hits must not ask. */
  readonly asked = new Map<string, number>();

  private decide(
    permission: Parameters<
      PermissionsService['authorize']
    >[0][number]['permission'],
    credentials: BackstageCredentials,
  ): PolicyDecision {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    if (principal.type === 'service' || principal.userEntityRef === ALICE) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (principal.userEntityRef === BOB) {
      if (
        permission.name === catalogEntityReadPermission.name &&
        isResourcePermission(permission, 'catalog-entity')
      ) {
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({ claims: [TEAM_B] }),
        );
      }
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.DENY };
  }

  private count(credentials: BackstageCredentials) {
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    const who = principal.userEntityRef ?? principal.type;
    this.asked.set(who, (this.asked.get(who) ?? 0) + 1);
  }

  async authorizeConditional(
    queries: Parameters<PermissionsService['authorizeConditional']>[0],
    options: { credentials: BackstageCredentials },
  ) {
    this.count(options.credentials);
    return queries.map(q => this.decide(q.permission, options.credentials));
  }

  async authorize(
    queries: Parameters<PermissionsService['authorize']>[0],
    options: { credentials: BackstageCredentials },
  ) {
    this.count(options.credentials);
    return queries.map(q => {
      const decision = this.decide(q.permission, options.credentials);
      return {
        result:
          decision.result === AuthorizeResult.ALLOW
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    });
  }
}

/** An entity provider the test drives: each `set` replaces all its entities. */
export class TestEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  getProviderName() {
    return 'read-cache-test';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }

  async set(entities: Entity[]) {
    if (!this.connection) throw new Error('provider not connected');
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: 'read-cache-test',
      })),
    });
  }
}

export function component(
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://example.com/catalog-info.yaml',
        'backstage.io/managed-by-origin-location':
          'url:https://example.com/catalog-info.yaml',
        ...annotations,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

/** A clock the test moves by hand (milliseconds). */
export class TestClock {
  private time = 1_000_000;
  now = () => this.time;
  advance(ms: number) {
    this.time += ms;
  }
}

/**
 * The real catalog plugin with the read cache in front of it, its
 * entities from `provider`, its permissions from `policy`.
 */
export async function startCatalog(options: {
  knex?: Awaited<ReturnType<TestDatabases['init']>>;
  provider: TestEntityProvider;
  policy: TestPolicy;
  clock: TestClock;
  readCache?: JsonObject;
  /** `backend` config, e.g. `cache` for a shared store. */
  backend?: JsonObject;
  /** More features, e.g. the real cache service factory. */
  features?: Parameters<typeof startTestBackend>[0]['features'];
}) {
  const { knex, provider, policy, clock } = options;
  const providerModule = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'read-cache-test-provider',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider(provider);
        },
      });
    },
  });
  return startTestBackend({
    features: [
      catalogBackend,
      createCatalogModuleReadCache({ now: clock.now, wallNow: clock.now }),
      ...(options.features ?? []),
      providerModule,
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => policy,
      }),
      ...(knex ? [mockServices.database.factory({ knex })] : []),
      mockServices.rootConfig.factory({
        data: {
          ...(options.backend ? { backend: options.backend } : {}),
          catalog: {
            rules: [{ allow: ['Component'] }],
            readCache: { maxAge: { seconds: 2 }, ...options.readCache },
          },
        },
      }),
    ],
  });
}
