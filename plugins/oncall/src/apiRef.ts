import { createApiRef } from '@backstage/frontend-plugin-api';
import { OnCallApi } from '@gogidix/plugin-oncall-common';

/**
 * The oncall backend's typed client as the app provides it (plugin.tsx). It
 * lives here, not in the -common package, so that backends importing the
 * -common package never load the frontend framework.
 */
export const onCallApiRef = createApiRef<OnCallApi>().with({
  id: 'plugin.oncall.api',
  pluginId: 'oncall',
});
