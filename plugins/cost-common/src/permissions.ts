import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read a team's cost on the org page: asked per team, with the team's group
 * ref (e.g. group:default/payments) as the resource.
 */
export const costOrgReadPermission = createPermission({
  name: 'cost.org.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Read one service's cost: the service's entity ref is the resource. */
export const costEntityReadPermission = createPermission({
  name: 'cost.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** List the FOCUS exports imported so far. */
export const costImportReadPermission = createPermission({
  name: 'cost.import.read',
  attributes: { action: 'read' },
});

/** Import a FOCUS billing export (replaces the periods it covers). */
export const costImportCreatePermission = createPermission({
  name: 'cost.import.create',
  attributes: { action: 'create' },
});

export const costPermissions = [
  costOrgReadPermission,
  costEntityReadPermission,
  costImportReadPermission,
  costImportCreatePermission,
];
