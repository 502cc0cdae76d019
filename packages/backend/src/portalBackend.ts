import { BackendFeature, ServiceFactory } from '@backstage/backend-plugin-api';
import { schemaCheckedRootConfigServiceFactory } from './config/rootConfig';
import { httpRouterWithDatabaseErrors } from './databaseUnavailable';
import { portalHttpAuthServiceFactory } from './auth/httpAuth';
import { portalBackendFeatures } from './features';
import { portalRootHttpRouterServiceFactory } from './http/rootHttpRouter';

/**
 * The backend production runs: the portal's own service factories (the
 * schema-checked config, the root HTTP router with the request limits, the
 * HTTP auth that keeps verified tokens, the forked plugin HTTP router that
 * answers 503 when the database is away) and every plugin and module.
 * `index.ts` adds this and starts; the route matrix, audit and bad-input
 * tests start this too, with their test config as the one thing swapped
 * (`rootConfig`), and tests that stand in for callers swap `httpAuth`.
 */
export function portalBackend(
  options: {
    env?: NodeJS.ProcessEnv;
    rootConfig?: ServiceFactory;
    httpAuth?: ServiceFactory;
  } = {},
): BackendFeature[] {
  return [
    options.rootConfig ?? schemaCheckedRootConfigServiceFactory,
    portalRootHttpRouterServiceFactory,
    options.httpAuth ?? portalHttpAuthServiceFactory,
    httpRouterWithDatabaseErrors,
    ...portalBackendFeatures(options.env),
  ];
}
