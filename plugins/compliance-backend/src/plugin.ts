import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { compliancePermissions } from '@gogidix/plugin-compliance-common';
import { createComplianceStatusAction } from './actions/createComplianceStatusAction';
import {
  ActionRateLimit,
  DryRunConfirmations,
  readExpensiveRequestsPerMinute,
} from '@gogidix/portal-node';
import { registerRequestWaiverAction } from './actions/requestWaiver';
import { readComplianceConfig } from './config';
import { DatabaseComplianceStore } from './database/DatabaseComplianceStore';
import { CatalogFactRetriever } from './facts/CatalogFactRetriever';
import { RepositoryFactRetriever } from './facts/RepositoryFactRetriever';
import { SloFactRetriever } from './facts/SloFactRetriever';
import { TrivyFactRetriever } from './facts/TrivyFactRetriever';
import { ComplianceService } from './service/ComplianceService';
import { createRouter } from './service/router';
import { loadTrivyReports } from './service/trivyReportFolder';
import { WaiverRequests } from './service/WaiverRequests';

/**
 * Compliance: collects facts about every component on a schedule (catalog,
 * repository, Trivy reports, SLOs), evaluates the configured checks, and
 * serves scorecards, control evidence, campaigns and waivers.
 */
export const compliancePlugin = createBackendPlugin({
  pluginId: 'compliance',
  register(env) {
    env.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const settings = readComplianceConfig(deps.config);
        deps.permissionsRegistry.addPermissions(compliancePermissions);
        const store = await DatabaseComplianceStore.create({
          database: deps.database,
        });
        if (settings.trivyReportsDir) {
          await loadTrivyReports(store, settings.trivyReportsDir, deps.logger);
        }
        const service = new ComplianceService({
          ruleSet: settings.ruleSet,
          retrievers: [
            new CatalogFactRetriever(),
            new RepositoryFactRetriever(deps.urlReader),
            new TrivyFactRetriever(store),
            new SloFactRetriever({
              discovery: deps.discovery,
              auth: deps.auth,
            }),
          ],
          store,
          logger: deps.logger,
          entities: ComplianceService.catalogComponents(
            deps.catalog,
            deps.auth,
          ),
        });
        service.warnAboutUnknownFacts(settings.rulesFile);

        // Global: with several replicas, one of them runs each round.
        await deps.scheduler.scheduleTask({
          id: 'compliance-round',
          frequency: { minutes: settings.roundMinutes },
          timeout: { minutes: 15 },
          // The catalog and the SLO plugin fill in over the first minute.
          initialDelay: { seconds: settings.firstRoundSeconds },
          scope: 'global',
          fn: async () => {
            await service.runLoggedRound();
          },
        });

        // For AI assistants, over MCP (README, "Connecting an AI assistant").
        createComplianceStatusAction({
          actionsRegistry: deps.actionsRegistry,
          auditor: deps.auditor,
          permissions: deps.permissions,
          store,
          ruleSet: settings.ruleSet,
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            catalog: deps.catalog,
            store,
            ruleSet: settings.ruleSet,
            bodyLimits: settings.bodyLimits,
          }),
        );

        // Offered to AI assistants (MCP), as the person signed in.
        registerRequestWaiverAction({
          actionsRegistry: deps.actionsRegistry,
          waivers: new WaiverRequests({
            catalog: deps.catalog,
            permissions: deps.permissions,
            store,
            ruleSet: settings.ruleSet,
            now: () => new Date(),
          }),
          guard: {
            auditor: deps.auditor,
            confirmations: new DryRunConfirmations({ cache: deps.cache }),
            rateLimit: new ActionRateLimit({
              perMinute: readExpensiveRequestsPerMinute(deps.config),
            }),
          },
        });
      },
    });
  },
});
