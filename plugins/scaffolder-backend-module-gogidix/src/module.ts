import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { readDurationFromConfig } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  ActionRateLimit,
  DryRunConfirmations,
  readExpensiveRequestsPerMinute,
} from '@gogidix/portal-node';
import path from 'node:path';
import { createCheckServiceNameAction } from './actions/checkServiceName';
import { createGenerateSloRulesAction } from './actions/generateSloRules';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRegisterCatalogAction } from './actions/registerCatalog';
import { createRenderPlatformAction } from './actions/renderPlatform';
import { createValidateServiceAction } from './actions/validateService';
import { templateAnswersGuard } from './http/templateAnswers';
import { serviceOwnerAssignPermission } from './permissions';
import { LocalGitUrlReader } from './localGit/LocalGitUrlReader';
import { registerCreateServiceAction } from './mcp/createService';
import { ScaffolderRequests } from './mcp/ScaffolderRequests';
import { readLocalGitConfig } from './localGit/config';
import {
  scaffolderTaskStatusReader,
  sweepUnfinishedPublishes,
} from './localGit/sweepUnfinishedPublishes';

/** The Gogidix golden path's scaffolder actions. */
export const scaffolderModuleGogidix = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'gogidix',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        httpRouter: coreServices.httpRouter,
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        cache: coreServices.cache,
      },
      async init({ scaffolder, config, reader, catalog, ...deps }) {
        // A module initialises before its plugin, so this runs before the
        // scaffolder's routes.
        deps.httpRouter.use(templateAnswersGuard());
        // Listed with the scaffolder's own permissions, so the permission
        // framework (and anyone writing a policy) knows of it.
        deps.permissionsRegistry.addPermissions([serviceOwnerAssignPermission]);
        const libraryChart = config.getOptionalString(
          'gogidix.platform.libraryChart',
        );
        const integrations = ScmIntegrations.fromConfig(config);
        scaffolder.addActions(
          createCheckServiceNameAction({
            catalog,
            permissions: deps.permissions,
          }),
          createRegisterCatalogAction({
            catalog,
            auth: deps.auth,
            integrations,
          }),
          createRenderPlatformAction({
            reader,
            integrations,
            config,
          }),
          createGenerateSloRulesAction({
            portalBaseUrl: config.getString('app.baseUrl'),
          }),
          createValidateServiceAction({
            libraryChartDir: libraryChart && path.resolve(libraryChart),
          }),
        );
        // Offered to AI assistants (MCP), as the person signed in.
        registerCreateServiceAction({
          actionsRegistry: deps.actionsRegistry,
          auth: deps.auth,
          catalog,
          permissions: deps.permissions,
          reader,
          integrations,
          scaffolder: new ScaffolderRequests(deps),
          guard: {
            auditor: deps.auditor,
            confirmations: new DryRunConfirmations({ cache: deps.cache }),
            rateLimit: new ActionRateLimit({
              perMinute: readExpensiveRequestsPerMinute(config),
            }),
          },
          appBaseUrl: config.getString('app.baseUrl'),
        });
        const repositories = readLocalGitConfig(config, deps.logger);
        if (repositories) {
          scaffolder.addActions(
            createPublishLocalAction({
              repositories,
              catalog,
              auth: deps.auth,
            }),
          );
          const frequencyKey = 'gogidix.localGit.sweepFrequency';
          // Global: one replica sweeps at a time, so two never race on a folder.
          await deps.scheduler.scheduleTask({
            id: 'gogidix-unfinished-publish-sweep',
            frequency: config.has(frequencyKey)
              ? readDurationFromConfig(config, { key: frequencyKey })
              : { minutes: 1 },
            timeout: { minutes: 5 },
            scope: 'global',
            fn: () =>
              sweepUnfinishedPublishes({
                repositories,
                catalog,
                auth: deps.auth,
                logger: deps.logger,
                taskStatus: scaffolderTaskStatusReader(deps),
              }),
          });
        }
      },
    });
  },
});

/**
 * Lets every plugin read the local git repositories (`gogidix.localGit`) by
 * URL; without that config it adds no reader.
 */
export const localGitUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalGitUrlReader.factory;
  },
});
