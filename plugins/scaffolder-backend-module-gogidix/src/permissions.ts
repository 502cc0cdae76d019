import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Naming a team as a new service's owner. The resource is the group: the
 * role policy allows the user's own teams, a manager's subtree and, for
 * platform admins, any team (rules.ts). A service owned by a team the
 * author is not in would be one whose compliance and cost they cannot see.
 */
export const serviceOwnerAssignPermission = createPermission({
  name: 'scaffolder.service.owner.assign',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});
