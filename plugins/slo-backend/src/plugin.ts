import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { sloPermissions } from '@gogidix/plugin-slo-common';
import { createSloStatusAction } from './actions/createSloStatusAction';
import { readSloConfig } from './config';
import { DatabaseDeployGateStore } from './database/DatabaseDeployGateStore';
import { DatabaseSloStore } from './database/DatabaseSloStore';
import { COARSE_STEP, DemoObservationFeed } from './demo/DemoObservationFeed';
import { EvaluationRound } from './service/evaluationRound';
import { SloLinks } from './service/links';
import { OpenSloDocumentReader } from './service/OpenSloDocumentReader';
import { PrometheusSliSource } from './service/PrometheusSliSource';
import { DeployGate } from './service/DeployGate';
import { createRouter } from './service/router';
import { ConfiguredSliSource, SloService } from './service/SloService';
import { StoredObservationSource } from './service/StoredObservationSource';

/**
 * The SLO backend: evaluates the catalog's OpenSLO documents against
 * Prometheus (or, when `slo.demo` asks for it, the embedded demo
 * observations), stores snapshots on a schedule and serves the SLO pages.
 * With neither, nothing is evaluated and every answer says so.
 */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const settings = readSloConfig(deps.config);
        deps.permissionsRegistry.addPermissions(sloPermissions);
        const store = await DatabaseSloStore.create({
          database: deps.database,
        });
        const links = new SloLinks(settings.appBaseUrl, settings.grafana);
        let sli: ConfiguredSliSource = { kind: 'none' };
        let feed: DemoObservationFeed | undefined;
        if (settings.sliSource === 'prometheus' && settings.prometheus) {
          sli = {
            kind: 'prometheus',
            source: new PrometheusSliSource(settings.prometheus),
          };
        } else if (settings.sliSource === 'demo') {
          sli = {
            kind: 'demo',
            source: new StoredObservationSource(store, COARSE_STEP),
          };
          feed = new DemoObservationFeed(
            store,
            deps.logger,
            settings.historyDays,
          );
        }
        const service = new SloService({
          store,
          sli,
          documents: new OpenSloDocumentReader(deps.urlReader),
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          links,
        });
        if (settings.prometheus) {
          deps.logger.info(
            `SLIs from Prometheus at ${settings.prometheus.baseUrl}`,
          );
        } else if (feed) {
          deps.logger.info(
            'slo.demo: SLIs from the embedded demo observations',
          );
        } else {
          deps.logger.warn(
            'No SLI source: set slo.prometheus.baseUrl; SLOs are listed but not evaluated',
          );
        }

        const round = new EvaluationRound({
          service,
          feed,
          historyDays: settings.historyDays,
        });
        // Global tasks: with several replicas, one of them runs each round.
        await deps.scheduler.scheduleTask({
          id: 'slo-snapshot',
          frequency: { minutes: settings.snapshotMinutes },
          timeout: { minutes: 15 },
          initialDelay: { seconds: 10 },
          scope: 'global',
          fn: () => round.snapshot(),
        });
        // The catalog fills in over the first minutes after a start, and
        // new services appear any time: evaluate new SLOs within a minute
        // instead of at the next snapshot round. The demo feed keeps up too.
        await deps.scheduler.scheduleTask({
          id: 'slo-definitions',
          frequency: { minutes: 1 },
          timeout: { minutes: 15 },
          initialDelay: { seconds: 40 },
          scope: 'global',
          fn: () => round.refreshDefinitions(),
        });

        // For AI assistants, over MCP (README, "Connecting an AI assistant").
        createSloStatusAction({
          actionsRegistry: deps.actionsRegistry,
          auditor: deps.auditor,
          permissions: deps.permissions,
          service,
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            service,
            store,
            links,
            gate: new DeployGate({
              service,
              catalog: deps.catalog,
              auth: deps.auth,
              store: await DatabaseDeployGateStore.create({
                database: deps.database,
              }),
              defaultPolicy: settings.deployGate.defaultPolicy,
            }),
            auditor: deps.auditor,
            maxBodyBytes: settings.maxRequestBytes,
          }),
        );
      },
    });
  },
});
