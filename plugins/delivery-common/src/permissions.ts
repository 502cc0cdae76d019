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

/**
 * Report a deploy of a component (the generated CI pipelines do, with a
 * service token): its entity ref is the resource.
 */
export const deliveryDeploymentCreatePermission = createPermission({
  name: 'delivery.deployment.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

export const deliveryPermissions = [
  deliveryEntityReadPermission,
  deliveryOrgReadPermission,
  deliveryDeploymentCreatePermission,
];
