import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { createPlaceholderResolvers } from './placeholders';

/**
 * Replaces the catalog's `$text`, `$yaml` and `$json` placeholder resolvers
 * with ones that also accept paths relative to a catalog file on local disk
 * (the demo organisation and repositories published on this machine).
 */
export const catalogModuleLocalFiles = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-files',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const resolvers = createPlaceholderResolvers(
          config.getOptionalStringArray('catalog.localFiles.sharedFolders'),
        );
        catalog.addPlaceholderResolver('text', resolvers.text);
        catalog.addPlaceholderResolver('yaml', resolvers.yaml);
        catalog.addPlaceholderResolver('json', resolvers.json);
      },
    });
  },
});
