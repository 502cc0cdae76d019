import { createApiRef } from '@backstage/frontend-plugin-api';
import { CostApi } from '@gogidix/plugin-cost-common';

/**
 * The cost backend's typed client as the app provides it (plugin.tsx). It
 * lives here, not in the -common package, so that backends importing the
 * -common package never load the frontend framework.
 */
export const costApiRef = createApiRef<CostApi>().with({
  id: 'plugin.cost.api',
  pluginId: 'cost',
});
