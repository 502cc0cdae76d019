import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { auditPermissions } from '@gogidix/plugin-audit-common';
import { createAuditEventsAction } from './actions/createAuditEventsAction';
import { readAuditConfig } from './config';
import { DatabaseAuditStore } from './database/DatabaseAuditStore';
import { auditEventQueueServiceRef } from './service/AuditEventQueue';
import { deleteExpiredAuditEvents } from './service/retention';
import { createRouter } from './service/router';

/**
 * The audit trail: stores the auditor events of every plugin (through
 * `auditorServiceFactory`) and serves them to platform admins.
 */
export const auditPlugin = createBackendPlugin({
  pluginId: 'audit',
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
        queue: auditEventQueueServiceRef,
      },
      async init(deps) {
        const { retentionDays } = readAuditConfig(deps.config);
        const store = await DatabaseAuditStore.create({
          database: deps.database,
        });
        deps.permissionsRegistry.addPermissions(auditPermissions);
        deps.queue.attach(store, deps.logger);

        await deps.scheduler.scheduleTask({
          id: 'audit-retention',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 5 },
          scope: 'global',
          fn: async () => {
            await deleteExpiredAuditEvents({
              store,
              retentionDays,
              logger: deps.logger,
            });
          },
        });

        // For AI assistants, over MCP (README, "Connecting an AI assistant").
        createAuditEventsAction({
          actionsRegistry: deps.actionsRegistry,
          auditor: deps.auditor,
          permissions: deps.permissions,
          store,
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            store,
          }),
        );
      },
    });
  },
});
