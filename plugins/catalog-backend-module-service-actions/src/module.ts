import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createFindServiceAction } from './actions/createFindServiceAction';

/**
 * The catalog's actions for AI assistants (served over MCP by the
 * mcp-actions plugin): each runs with the caller's own credentials.
 */
export const catalogModuleServiceActions = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'service-actions',
  register(reg) {
    reg.registerInit({
      deps: {
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        createFindServiceAction(deps);
      },
    });
  },
});
