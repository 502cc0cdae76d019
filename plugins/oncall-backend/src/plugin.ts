import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { oncallPermissions } from '@gogidix/plugin-oncall-common';
import { AlertmanagerClient } from './service/AlertmanagerClient';
import { readOnCallConfig } from './config';
import { GrafanaClient } from './service/GrafanaClient';
import { PagerDutyClient } from './service/PagerDutyClient';
import { createRouter } from './service/router';
import { RunbookReader } from './service/RunbookReader';
import { VaultClient } from './service/VaultClient';

/**
 * Runbooks, firing alerts and who is on call, for each entity and for the
 * whole organisation.
 */
export const oncallPlugin = createBackendPlugin({
  pluginId: 'oncall',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({
        auth,
        config,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        urlReader,
        catalog,
      }) {
        const settings = readOnCallConfig(config);
        permissionsRegistry.addPermissions(oncallPermissions);
        httpRouter.use(
          await createRouter({
            auth,
            httpAuth,
            permissions,
            catalog,
            runbooks: new RunbookReader(
              urlReader,
              ScmIntegrations.fromConfig(config),
            ),
            alertmanager:
              settings.alertmanager &&
              new AlertmanagerClient(settings.alertmanager, logger),
            pagerDuty:
              settings.pagerDuty &&
              new PagerDutyClient(settings.pagerDuty, logger),
            grafana: settings.grafana.map(i => new GrafanaClient(i, logger)),
            vault: settings.vault && new VaultClient(settings.vault, logger),
            serviceLabel: settings.alertmanager?.serviceLabel ?? 'service',
            claims: settings.claims,
          }),
        );
      },
    });
  },
});
