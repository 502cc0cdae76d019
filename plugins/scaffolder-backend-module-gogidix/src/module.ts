import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { createCheckServiceNameAction } from './actions/checkServiceName';
import { createGenerateSloRulesAction } from './actions/generateSloRules';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRenderPlatformAction } from './actions/renderPlatform';
import { createValidateServiceAction } from './actions/validateService';
import { LocalGitUrlReader } from './localGit/LocalGitUrlReader';
import { readLocalGitConfig } from './localGit/config';

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
      },
      async init({ scaffolder, config, reader, catalog }) {
        const libraryChart = config.getOptionalString(
          'gogidix.platform.libraryChart',
        );
        scaffolder.addActions(
          createCheckServiceNameAction({ catalog }),
          createRenderPlatformAction({
            reader,
            integrations: ScmIntegrations.fromConfig(config),
            config,
          }),
          createGenerateSloRulesAction({
            portalBaseUrl: config.getString('app.baseUrl'),
          }),
          createValidateServiceAction({
            libraryChartDir: libraryChart && path.resolve(libraryChart),
          }),
        );
        const repositories = readLocalGitConfig(config);
        if (repositories) {
          scaffolder.addActions(
            createPublishLocalAction({ repositories, catalog }),
          );
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
