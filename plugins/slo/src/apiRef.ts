import { createApiRef } from '@backstage/frontend-plugin-api';
import { SloApi } from '@gogidix/plugin-slo-common';

/**
 * The slo backend's typed client as the app provides it (plugin.tsx). It
 * lives here, not in the -common package, so that backends importing the
 * -common package never load the frontend framework.
 */
export const sloApiRef = createApiRef<SloApi>().with({
  id: 'plugin.slo.api',
  pluginId: 'slo',
});
