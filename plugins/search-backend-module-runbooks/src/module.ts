import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { RUNBOOKS_ANNOTATION } from '@gogidix/portal-common';
import { RunbookCollatorFactory } from './RunbookCollatorFactory';
import { StartupIndexingRunner } from './startupIndexing';

/** Runbooks change with commits, not by the minute. */
const DEFAULT_SCHEDULE = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 5 },
};

/** After start, index again as the catalog reads its locations. */
const STARTUP_WATCH = { watchMs: 5 * 60_000, everyMs: 10_000 };

/** Makes every entity's runbooks findable in the portal's search. */
export const searchModuleRunbooks = createBackendModule({
  pluginId: 'search',
  moduleId: 'runbooks',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, lifecycle, scheduler, indexRegistry, ...deps }) {
        let shuttingDown = false;
        lifecycle.addShutdownHook(() => {
          shuttingDown = true;
        });
        const scheduleConfig = config.getOptionalConfig(
          'search.collators.runbooks.schedule',
        );
        const runner = scheduler.createScheduledTaskRunner(
          scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                scheduleConfig,
              )
            : DEFAULT_SCHEDULE,
        );
        indexRegistry.addCollator({
          schedule: new StartupIndexingRunner({
            runner,
            scheduler,
            logger: deps.logger,
            stopped: () => shuttingDown,
            countEntities: async () => {
              const { totalItems } = await deps.catalog.queryEntities(
                {
                  filter: {
                    [`metadata.annotations.${RUNBOOKS_ANNOTATION}`]:
                      CATALOG_FILTER_EXISTS,
                  },
                  limit: 1,
                },
                { credentials: await deps.auth.getOwnServiceCredentials() },
              );
              return totalItems;
            },
            ...STARTUP_WATCH,
          }),
          factory: new RunbookCollatorFactory(deps),
        });
      },
    });
  },
});
