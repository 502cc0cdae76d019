import { createApiRef } from '@backstage/frontend-plugin-api';
import { AuditApi } from '@gogidix/plugin-audit-common';

/**
 * The audit backend's typed client as the app provides it (plugin.tsx). It
 * lives here, not in the -common package, so that backends importing the
 * -common package never load the frontend framework.
 */
export const auditApiRef = createApiRef<AuditApi>().with({
  id: 'plugin.audit.api',
  pluginId: 'audit',
});
