import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read a team's compliance on the org page; asked per team with the team's
 * group ref as resourceRef, so a policy can limit managers to their teams.
 */
export const complianceOrgReadPermission = createPermission({
  name: 'compliance.org.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Read one entity's checks, evidence and waivers (resourceRef: the entity). */
export const complianceEntityReadPermission = createPermission({
  name: 'compliance.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Download the auditor export (CSV or JSON). */
export const complianceExportReadPermission = createPermission({
  name: 'compliance.export.read',
  attributes: { action: 'read' },
});

/** Waive one check for one entity (resourceRef: the entity). */
export const complianceWaiverCreatePermission = createPermission({
  name: 'compliance.waiver.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Upload a Trivy JSON report, as CI does after scanning an image. */
export const complianceTrivyCreatePermission = createPermission({
  name: 'compliance.trivy.create',
  attributes: { action: 'create' },
});

export const compliancePermissions = [
  complianceOrgReadPermission,
  complianceEntityReadPermission,
  complianceExportReadPermission,
  complianceWaiverCreatePermission,
  complianceTrivyCreatePermission,
];
