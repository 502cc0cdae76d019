import { createApiRef } from '@backstage/frontend-plugin-api';
import { AuditApi } from '@gogidix/plugin-audit-common';

export type { AuditApi } from '@gogidix/plugin-audit-common';
export { AuditClient } from '@gogidix/plugin-audit-common';

export const auditApiRef = createApiRef<AuditApi>().with({
  id: 'plugin.audit.api',
  pluginId: 'audit',
});
