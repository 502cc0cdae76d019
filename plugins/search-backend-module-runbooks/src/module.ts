import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { RunbookCollatorFactory } from './RunbookCollatorFactory';

/** Runbooks change with commits, not by the minute. */
const DEFAULT_SCHEDULE = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

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
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, scheduler, indexRegistry, ...deps }) {
        const scheduleConfig = config.getOptionalConfig(
          'search.collators.runbooks.schedule',
        );
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(
            scheduleConfig
              ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                  scheduleConfig,
                )
              : DEFAULT_SCHEDULE,
          ),
          factory: new RunbookCollatorFactory(deps),
        });
      },
    });
  },
});
