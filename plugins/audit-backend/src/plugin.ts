import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { auditPermissions } from '@gogidix/plugin-audit-common';
import { DatabaseAuditStore } from './database/DatabaseAuditStore';
import { auditEventQueueServiceRef } from './service/AuditEventQueue';
import { createRouter } from './service/router';

const DEFAULT_RETENTION_DAYS = 365;

/**
 * The audit trail: stores the auditor events of every plugin (through
 * `auditorServiceFactory`) and serves them to platform admins.
 */
export const auditPlugin = createBackendPlugin({
  pluginId: 'audit',
  register(env) {
    env.registerInit({
      deps: {
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
        const retentionDays =
          deps.config.getOptionalNumber('audit.retentionDays') ??
          DEFAULT_RETENTION_DAYS;
        if (!Number.isInteger(retentionDays) || retentionDays < 1) {
          throw new Error(
            `audit.retentionDays must be a whole number of days (1 or more), got ${retentionDays}`,
          );
        }
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
            const before = new Date(Date.now() - retentionDays * 86400_000);
            const deleted = await store.deleteBefore(before);
            if (deleted > 0) {
              deps.logger.info(
                `Deleted ${deleted} audit events older than ${retentionDays} days`,
              );
            }
          },
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
