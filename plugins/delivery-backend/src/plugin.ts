import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryPermissions } from '@gogidix/plugin-delivery-common';
import { readDeliveryConfig } from './config';
import { DatabaseDeliveryStore } from './database/DatabaseDeliveryStore';
import { startDemoGitHub } from './demo/demoGitHub';
import { startDemoPagerDuty } from './demo/demoPagerDuty';
import { CatalogDeliveryReader } from './service/deliveryCatalog';
import { DeliveryService } from './service/DeliveryService';
import { PluginTargetReaders } from './service/platformTargets';
import { DeliveryTasks } from './service/DeliveryTasks';
import { createRouter } from './service/router';
import { deliverySources, sourceStates } from './service/sources';

/** Delivery metrics per service and team, from the sources read on a schedule. */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readDeliveryConfig(deps.config);
        const store = await DatabaseDeliveryStore.create({
          database: deps.database,
        });
        deps.permissionsRegistry.addPermissions(deliveryPermissions);
        const catalog = new CatalogDeliveryReader(
          deps.catalog,
          deps.auth,
          settings.claims,
        );
        const demoGitHub = settings.demo && !settings.github;
        if (demoGitHub) {
          // The demo history is served where GitHub is not configured, and
          // read through the same client as GitHub itself.
          const demo = await startDemoGitHub(settings);
          deps.lifecycle.addShutdownHook(() => demo.stop());
          settings.github = demo.settings;
        }
        const demoPagerDuty = settings.demo && !settings.pagerDuty;
        if (demoPagerDuty) {
          // The on-call demo's PagerDuty lives inside the on-call plugin;
          // delivery serves the demo incidents that follow its deployments.
          const demo = await startDemoPagerDuty({
            catalog,
            lookbackDays: settings.lookbackDays,
          });
          deps.lifecycle.addShutdownHook(() => demo.stop());
          settings.pagerDuty = demo.settings;
        }
        const service = new DeliveryService(store, catalog, {
          environment: settings.environment,
          sources: sourceStates(settings, {
            github: demoGitHub,
            pagerDuty: demoPagerDuty,
          }),
          targets: {
            settings: settings.targets,
            readers: new PluginTargetReaders({
              auth: deps.auth,
              discovery: deps.discovery,
            }),
          },
        });
        const tasks = new DeliveryTasks({
          store,
          sources: deliverySources(
            settings,
            catalog,
            deps.logger,
            ids => store.deploymentsById(ids),
            since => store.openAlerts(since.toISOString()),
          ),
          lookbackDays: settings.lookbackDays,
          logger: deps.logger,
          afterRead: () => service.refreshRollups(),
        });
        await deps.scheduler.scheduleTask({
          id: 'delivery-read-sources',
          frequency: { minutes: settings.frequencyMinutes },
          timeout: { minutes: 15 },
          // The catalog must have its components before the first read.
          initialDelay: { seconds: 30 },
          scope: 'global',
          fn: async () => {
            await tasks.readSources();
          },
        });
        deps.httpRouter.use(
          await createRouter({
            auditor: deps.auditor,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
          }),
        );
      },
    });
  },
});
