import { createApiRef } from '@backstage/frontend-plugin-api';
import { ComplianceApi } from '@gogidix/plugin-compliance-common';

/**
 * The compliance backend's typed client as the app provides it (plugin.tsx). It
 * lives here, not in the -common package, so that backends importing the
 * -common package never load the frontend framework.
 */
export const complianceApiRef = createApiRef<ComplianceApi>().with({
  id: 'plugin.compliance.api',
  pluginId: 'compliance',
});
