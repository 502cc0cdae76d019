import { ACTION_ROUTES } from './actionRoutes';
import { BACKSTAGE_ROUTES } from './backstageRoutes';
import { PluginRoutes } from './matrix';
import { PORTAL_ROUTES } from './portalRoutes';

export type { Answer, RoleName, RouteCase } from './matrix';
export { ROLE_USERS } from './matrix';

/**
 * The route matrix: every route of every plugin the portal ships, and what
 * each role gets from it. A new plugin adds its rows to portalRoutes.ts, a
 * new action its row to actionRoutes.ts.
 */
export const ROUTE_MATRIX: PluginRoutes[] = [
  ...BACKSTAGE_ROUTES,
  ...PORTAL_ROUTES,
  ...ACTION_ROUTES,
];
