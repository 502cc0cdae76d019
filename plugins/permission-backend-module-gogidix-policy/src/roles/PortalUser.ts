import { GroupTree } from './GroupTree';
import { RoleSettings } from './config';

/** A signed-in person as the policy sees them. */
export interface PortalUser {
  userRef: string;
  /** The user and their groups, from the token's ownership claims. */
  ownRefs: string[];
  /** `ownRefs` plus every group the user manages and the groups below those. */
  managedRefs: string[];
  isPlatformAdmin: boolean;
  isOnCall: boolean;
  isManager: boolean;
}

/**
 * Works out a user's roles: a member of a role group, or of a group below
 * one, holds the role; the lead of a group manages it and its subtree.
 */
export function resolvePortalUser(
  userRef: string,
  ownershipRefs: string[],
  tree: GroupTree,
  settings: RoleSettings,
): PortalUser {
  const ownRefs = [...new Set([userRef, ...ownershipRefs])];
  const groups = ownRefs.filter(ref => ref.startsWith('group:'));
  const memberOf = tree.above(groups);
  const led = tree.ledBy(userRef);
  return {
    userRef,
    ownRefs,
    managedRefs: [...new Set([...ownRefs, ...tree.below(led)])],
    isPlatformAdmin: settings.platformAdmins.some(ref => memberOf.has(ref)),
    isOnCall: settings.onCall.some(ref => memberOf.has(ref)),
    isManager: led.length > 0,
  };
}
