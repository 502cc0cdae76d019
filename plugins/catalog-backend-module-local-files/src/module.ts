import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readLocalFileFolders } from './config';
import { createPlaceholderResolvers } from './placeholders';
import { UnsafeTextProcessor } from './unsafeTextProcessor';
import { createValidateEntityGuard } from './validateEntityGuard';

/**
 * Replaces the catalog's `$text`, `$yaml` and `$json` placeholder resolvers
 * with ones that also accept paths relative to a catalog file on local disk
 * (the demo organisation and the templates), and guards validate-entity,
 * whose body would otherwise choose where they read. Also refuses control
 * and bidirectional formatting characters in the names people read.
 */
export const catalogModuleLocalFiles = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-files',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        httpRouter: coreServices.httpRouter,
      },
      async init({ catalog, config, logger, auditor, httpRouter }) {
        const resolvers = createPlaceholderResolvers(
          readLocalFileFolders(config),
          logger,
        );
        catalog.addPlaceholderResolver('text', resolvers.text);
        catalog.addPlaceholderResolver('yaml', resolvers.yaml);
        catalog.addPlaceholderResolver('json', resolvers.json);
        catalog.addProcessor(new UnsafeTextProcessor());
        // Modules initialise before their plugin, so this runs ahead of the
        // catalog's own validate-entity route.
        httpRouter.use(createValidateEntityGuard({ auditor }));
      },
    });
  },
});
