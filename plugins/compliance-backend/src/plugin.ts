import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { compliancePermissions } from '@gogidix/plugin-compliance-common';
import { readComplianceSettings } from './config';
import { DatabaseComplianceStore } from './database/DatabaseComplianceStore';
import { loadTrivyReports } from './demo/loadTrivyReports';
import { CatalogFactRetriever } from './facts/CatalogFactRetriever';
import { RepositoryFactRetriever } from './facts/RepositoryFactRetriever';
import { SloFactRetriever } from './facts/SloFactRetriever';
import { repositoryPath } from './facts/repositoryPath';
import { TrivyFactRetriever } from './facts/TrivyFactRetriever';
import { ComplianceService } from './service/ComplianceService';
import { createRouter, DEFAULT_BODY_LIMITS } from './service/router';

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
        auditor: coreServices.auditor,
        auth: coreServices.auth,
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
        const settings = readComplianceSettings(deps.config);
        deps.permissionsRegistry.addPermissions(compliancePermissions);
        const store = await DatabaseComplianceStore.create({
          database: deps.database,
        });
        if (settings.trivyReportsDir) {
          const { loaded, failed } = await loadTrivyReports(
            store,
            settings.trivyReportsDir,
            deps.logger,
          );
          deps.logger.info(
            `Loaded ${loaded} Trivy reports from ${repositoryPath(
              settings.trivyReportsDir,
            )} (${failed} unreadable)`,
          );
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
        for (const {
          checkId,
          facts,
        } of service.evaluator.unknownFactReferences()) {
          deps.logger.warn(
            `Compliance check ${checkId} in ${
              settings.rulesFile
            } refers to unknown facts ${facts.join(
              ', ',
            )}: it will show an error`,
          );
        }

        // Global: with several replicas, one of them runs each round.
        await deps.scheduler.scheduleTask({
          id: 'compliance-round',
          frequency: { minutes: settings.roundMinutes },
          timeout: { minutes: 15 },
          // The catalog and the SLO plugin fill in over the first minute.
          initialDelay: { seconds: 45 },
          scope: 'global',
          fn: async () => {
            const round = await service.runRound();
            deps.logger.info(
              `Compliance round: ${round.entities} components, ${round.facts} facts (${round.factErrors} in error), ${round.checkErrors} checks in error`,
            );
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            catalog: deps.catalog,
            store,
            ruleSet: settings.ruleSet,
            bodyLimits: {
              maxRequestBytes:
                deps.config.getOptionalNumber('gogidix.http.maxRequestBytes') ??
                DEFAULT_BODY_LIMITS.maxRequestBytes,
              maxImportBytes:
                deps.config.getOptionalNumber('gogidix.http.maxImportBytes') ??
                DEFAULT_BODY_LIMITS.maxImportBytes,
            },
          }),
        );
      },
    });
  },
});
