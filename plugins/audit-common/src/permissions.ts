import { createPermission } from '@backstage/plugin-permission-common';

/** Read and export the audit trail (platform admins). */
export const auditEventReadPermission = createPermission({
  name: 'audit.event.read',
  attributes: { action: 'read' },
});

export const auditPermissions = [auditEventReadPermission];
