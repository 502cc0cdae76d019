import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { oncallPermissions } from '@gogidix/plugin-oncall-common';
import { createFiringAlertsAction } from './actions/createFiringAlertsAction';
import { createRunbookAction } from './actions/createRunbookAction';
import { createWhoIsOnCallAction } from './actions/createWhoIsOnCallAction';
import { AlertmanagerClient } from './service/AlertmanagerClient';
import { readOnCallConfig } from './config';
import { startDemoSources } from './demo/startDemoSources';
import { EntityAccess } from './service/entityAccess';
import { EntityAlerts } from './service/entityAlerts';
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
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({
        actionsRegistry,
        auditor,
        auth,
        config,
        httpAuth,
        httpRouter,
        lifecycle,
        logger,
        permissions,
        permissionsRegistry,
        urlReader,
        catalog,
      }) {
        const settings = readOnCallConfig(config);
        permissionsRegistry.addPermissions(oncallPermissions);
        const alertmanager =
          settings.alertmanager &&
          new AlertmanagerClient(settings.alertmanager, logger);
        // The demo fills in only what is not configured.
        const demo = settings.demo
          ? await startDemoSources({
              catalog,
              auth,
              logger,
              alertmanager,
              portalBaseUrl: config.getString('app.baseUrl'),
            })
          : undefined;
        if (demo) {
          lifecycle.addShutdownHook(() => demo.stop());
        }
        const pagerDuty = settings.pagerDuty ?? demo?.pagerDuty;
        const grafana =
          settings.grafana.length > 0 || !demo
            ? settings.grafana
            : [demo.grafana];
        const vault = settings.vault ?? demo?.vault;
        const runbooks = new RunbookReader(
          urlReader,
          ScmIntegrations.fromConfig(config),
        );
        const pagerDutyClient =
          pagerDuty && new PagerDutyClient(pagerDuty, logger);
        const serviceLabel = settings.alertmanager?.serviceLabel ?? 'service';

        // For AI assistants, over MCP (README, "Connecting an AI assistant"):
        // the same access rules and sources as the routes below.
        const access = new EntityAccess({
          auth,
          httpAuth,
          permissions,
          catalog,
          claims: settings.claims,
        });
        const actionDeps = { actionsRegistry, auditor, access };
        createFiringAlertsAction({
          ...actionDeps,
          alerts: new EntityAlerts({ alertmanager, serviceLabel }),
        });
        createRunbookAction({ ...actionDeps, runbooks });
        createWhoIsOnCallAction({ ...actionDeps, pagerDuty: pagerDutyClient });

        httpRouter.use(
          await createRouter({
            auth,
            httpAuth,
            permissions,
            catalog,
            runbooks,
            alertmanager,
            pagerDuty: pagerDutyClient,
            grafana: grafana.map(i => new GrafanaClient(i, logger)),
            vault: vault && new VaultClient(vault, logger),
            serviceLabel,
            claims: settings.claims,
          }),
        );
      },
    });
  },
});
