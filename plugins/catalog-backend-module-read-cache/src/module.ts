import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogReadCache } from './service/CatalogReadCache';
import { ReadDecisions } from './service/ReadDecisions';
import { SharedAnswers } from './service/SharedAnswers';
import { readReadCacheConfig } from './service/readCacheConfig';
import { createReadCacheMiddleware } from './service/readCacheMiddleware';

/**
 * Builds the module; `now` (milliseconds on a monotonic clock) and
 * `wallNow` (wall-clock milliseconds, compared across replicas) let a test
 * move time by hand to check the freshness bound.
 */
export function createCatalogModuleReadCache(options?: {
  now?: () => number;
  wallNow?: () => number;
}) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'read-cache',
    register(reg) {
      reg.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          auth: coreServices.auth,
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
          permissions: coreServices.permissions,
          auditor: coreServices.auditor,
          cacheService: coreServices.cache,
        },
        async init({
          config,
          logger,
          auth,
          httpAuth,
          httpRouter,
          permissions,
          auditor,
          cacheService,
        }) {
          const settings = readReadCacheConfig(config);
          if (!settings.enabled) {
            logger.info('Catalog read cache is disabled');
            return;
          }
          // Modules initialise before their plugin, so this middleware is
          // added to the catalog's router chain ahead of the catalog's routes.
          httpRouter.use(
            createReadCacheMiddleware({
              cache: new CatalogReadCache({ ...settings, now: options?.now }),
              decisions: new ReadDecisions({
                auth,
                permissions,
                maxAgeMs: settings.maxAgeMs,
                now: options?.now,
              }),
              httpAuth,
              auditor,
              maxEntryBytes: settings.maxEntryBytes,
              shared: settings.shared
                ? new SharedAnswers({
                    cache: cacheService,
                    logger,
                    maxAgeMs: settings.maxAgeMs,
                    followWithinMs: settings.followWithinMs,
                    wallNow: options?.wallNow,
                  })
                : undefined,
            }),
          );
          logger.info(
            `Catalog read cache: answers kept at most ${
              settings.maxAgeMs
            } ms, ${settings.maxEntries} entries, ${
              settings.shared
                ? 'shared between replicas through the cache service'
                : 'in this process only'
            }`,
          );
        },
      });
    },
  });
}

/**
 * Serves the catalog's hot reads (entity by name, the list query, by-refs,
 * facets) from a short-lived in-memory cache to callers whose read
 * permission is an unconditional allow. See README.md.
 */
export const catalogModuleReadCache = createCatalogModuleReadCache();
