import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  jsonPlaceholderResolver,
  textPlaceholderResolver,
  yamlPlaceholderResolver,
} from './placeholders';

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
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addPlaceholderResolver('text', textPlaceholderResolver);
        catalog.addPlaceholderResolver('yaml', yamlPlaceholderResolver);
        catalog.addPlaceholderResolver('json', jsonPlaceholderResolver);
      },
    });
  },
});
