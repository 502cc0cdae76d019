import { createPermission } from '@backstage/plugin-permission-common';

/** Read one service's delivery metrics and events: its entity ref is the resource. */
export const deliveryEntityReadPermission = createPermission({
  name: 'delivery.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Read a team's delivery on the team and org pages: the team's group ref is the resource. */
export const deliveryOrgReadPermission = createPermission({
  name: 'delivery.org.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

export const deliveryPermissions = [
  deliveryEntityReadPermission,
  deliveryOrgReadPermission,
];
