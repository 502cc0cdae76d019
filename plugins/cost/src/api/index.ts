import { createApiRef } from '@backstage/frontend-plugin-api';
import { CostApi } from '@gogidix/plugin-cost-common';

export type { CostApi } from '@gogidix/plugin-cost-common';
export { CostClient } from '@gogidix/plugin-cost-common';

export const costApiRef = createApiRef<CostApi>().with({
  id: 'plugin.cost.api',
  pluginId: 'cost',
});
