import { createPermission } from '@backstage/plugin-permission-common';

/** The org-wide list of firing alerts (the On-call page). */
export const oncallAlertReadPermission = createPermission({
  name: 'oncall.alert.read',
  attributes: { action: 'read' },
});

/**
 * One service's on-call tab (its alerts, who is on call, dashboards and
 * secret names): the service's entity ref is the resource.
 */
export const oncallEntityReadPermission = createPermission({
  name: 'oncall.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Who is on call for one service and its open incidents (PagerDuty): the
 * service's entity ref is the resource. Wider than the rest of the tab,
 * since the teams that depend on a service need to know whom to call.
 */
export const oncallRespondersReadPermission = createPermission({
  name: 'oncall.responders.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** One service's runbooks: the service's entity ref is the resource. */
export const oncallRunbookReadPermission = createPermission({
  name: 'oncall.runbook.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

export const oncallPermissions = [
  oncallAlertReadPermission,
  oncallEntityReadPermission,
  oncallRespondersReadPermission,
  oncallRunbookReadPermission,
];
