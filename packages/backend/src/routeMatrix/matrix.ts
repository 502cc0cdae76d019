/**
 * What a row of the route matrix says, the roles it is asked as, and the
 * answers most rows share (the rows are in backstageRoutes.ts and
 * portalRoutes.ts).
 *
 * An answer is an HTTP status, or `'served'`: the route let the caller in
 * (neither 401 nor 403) and answered as it does for bad or unknown input.
 */
export type Answer = number | 'served';

export type RoleName = 'platformAdmin' | 'manager' | 'onCall' | 'developer';

/** The demo users who hold each role (demo/org). */
export const ROLE_USERS: Record<RoleName, string> = {
  // platform and platform-admins
  platformAdmin: 'user:default/priya.raghunathan',
  // lead of engineering, the root of the tree
  manager: 'user:default/amara.okafor',
  // sre
  onCall: 'user:default/hana.kim',
  // platform
  developer: 'user:default/jane.doe',
};

export interface RouteCase {
  method: 'get' | 'post' | 'put' | 'delete';
  /** `{uid:<ref>}` is replaced by the entity's uid before the request. */
  path: string;
  body?: object;
  headers?: Record<string, string>;
  /** Why this route answers without credentials; absent means 401. */
  public?: string;
  /** What the answer says, when its status alone does not tell. */
  message?: RegExp;
  /** The answer for every role, or per role. */
  answer: Answer | Record<RoleName, Answer>;
}

export interface PluginRoutes {
  plugin: string;
  routes: RouteCase[];
}

export const ADMIN_ONLY = (allowed: Answer) => ({
  platformAdmin: allowed,
  manager: 403,
  onCall: 403,
  developer: 403,
});
/** Allowed for the manager's subtree and on-call, not for the platform team. */
export const OTHER_TEAMS_ON_CALL = (allowed: Answer) => ({
  platformAdmin: allowed,
  manager: allowed,
  onCall: allowed,
  developer: 403,
});

/** Allowed for the manager's subtree, not for on-call or the platform team. */
export const MANAGERS = (allowed: Answer) => ({
  platformAdmin: allowed,
  manager: allowed,
  onCall: 403,
  developer: 403,
});

export const listings = 'component:default/listings-service';
export const gateway = 'component:default/api-gateway';
export const uuid = '00000000-0000-4000-8000-000000000000';
