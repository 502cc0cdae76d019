import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { costPermissions } from '@gogidix/plugin-cost-common';
import { createCostAction } from './actions/createCostAction';
import { DatabaseCostStore } from './database/DatabaseCostStore';
import { CatalogAttributionIndexReader } from './service/catalogIndex';
import { CostService } from './service/CostService';
import { CostTasks } from './service/costTasks';
import { OpenCostClient } from './service/openCost';
import { createRouter } from './service/router';
import { readCostConfig } from './config';

/** Cost per service and team from FOCUS exports and OpenCost. */
export const costPlugin = createBackendPlugin({
  pluginId: 'cost',
  register(env) {
    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readCostConfig(deps.config);
        const store = await DatabaseCostStore.create({
          database: deps.database,
          tagKeys: settings.tagKeys,
        });
        deps.permissionsRegistry.addPermissions(costPermissions);

        const tasks = new CostTasks({
          store,
          logger: deps.logger,
          openCost:
            settings.opencost &&
            new OpenCostClient({
              baseUrl: settings.opencost.baseUrl,
              workloadLabel: settings.opencost.workloadLabel,
            }),
        });
        if (settings.demo) {
          // A global task, not a load at start: replicas starting together
          // would each import the same bill and collide on its unique keys.
          await deps.scheduler.scheduleTask({
            id: 'cost-demo-load',
            frequency: { hours: 24 },
            timeout: { minutes: 10 },
            scope: 'global',
            fn: () => tasks.loadDemo(),
          });
        }
        if (settings.opencost) {
          await deps.scheduler.scheduleTask({
            id: 'cost-opencost-allocations',
            frequency: { minutes: settings.opencost.frequencyMinutes },
            timeout: { minutes: 5 },
            scope: 'global',
            fn: () => tasks.syncOpenCost(),
          });
        }

        const service = new CostService(
          store,
          new CatalogAttributionIndexReader(
            deps.catalog,
            deps.auth,
            settings.claims,
          ),
          { budgets: settings.budgets },
        );
        // For AI assistants, over MCP (README, "Connecting an AI assistant").
        createCostAction({
          actionsRegistry: deps.actionsRegistry,
          auditor: deps.auditor,
          permissions: deps.permissions,
          service,
        });
        deps.httpRouter.use(
          await createRouter({
            auditor: deps.auditor,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            logger: deps.logger,
            store,
            service,
            maxImportBytes: settings.maxImportBytes,
          }),
        );
      },
    });
  },
});
