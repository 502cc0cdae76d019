import { createPermission } from '@backstage/plugin-permission-common';

/** Read cost, anomalies and savings. */
export const costReadPermission = createPermission({
  name: 'cost.read',
  attributes: { action: 'read' },
});

/** Import a FOCUS billing export (replaces the periods it covers). */
export const costImportPermission = createPermission({
  name: 'cost.import',
  attributes: { action: 'create' },
});

export const costPermissions = [costReadPermission, costImportPermission];
