import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read a team's SLOs on the org page: asked per team, with the team's group
 * ref (e.g. group:default/payments) as the resource.
 */
export const sloOrgReadPermission = createPermission({
  name: 'slo.org.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Read one service's SLO status: the service's entity ref is the resource. */
export const sloEntityReadPermission = createPermission({
  name: 'slo.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Generate Prometheus rules from an OpenSLO document. */
export const sloRulesCreatePermission = createPermission({
  name: 'slo.rules.create',
  attributes: { action: 'create' },
});

export const sloPermissions = [
  sloOrgReadPermission,
  sloEntityReadPermission,
  sloRulesCreatePermission,
];
