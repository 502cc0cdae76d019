import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { AlertmanagerClient } from './service/AlertmanagerClient';
import { readOnCallSettings } from './service/config';
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
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({ config, httpAuth, httpRouter, urlReader, catalog }) {
        const settings = readOnCallSettings(config);
        httpRouter.use(
          await createRouter({
            httpAuth,
            catalog,
            runbooks: new RunbookReader(
              urlReader,
              ScmIntegrations.fromConfig(config),
            ),
            alertmanager:
              settings.alertmanager &&
              new AlertmanagerClient(settings.alertmanager),
            pagerDuty:
              settings.pagerDuty && new PagerDutyClient(settings.pagerDuty),
            grafana: settings.grafana.map(i => new GrafanaClient(i)),
            vault: settings.vault && new VaultClient(settings.vault),
          }),
        );
      },
    });
  },
});
