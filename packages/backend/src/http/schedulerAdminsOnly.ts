import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { RequestHandler } from 'express';

/**
 * Reading, starting and cancelling a plugin's scheduled tasks. It is in no
 * row of the portal's policy, so only platform admins hold it.
 */
export const schedulerManagePermission = createPermission({
  name: 'portal.scheduler.manage',
  attributes: { action: 'update' },
});

/**
 * Backstage's scheduler mounts three routes on every plugin's router:
 * `GET /.backstage/scheduler/v1/tasks` (each task's settings, state and
 * last error), and `POST .../tasks/:id/trigger` and `.../cancel`. Out of
 * the box any signed-in user may call them, so a developer could cancel a
 * compliance round or start the delivery read over and over. In front of
 * them this lets through only people holding `schedulerManagePermission`;
 * a service token, static or a plugin's, gets 403.
 */
export function schedulerAdminsOnly(
  httpAuth: HttpAuthService,
  permissions: PermissionsService,
): RequestHandler {
  return async (req, _res, next) => {
    try {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const [decision] = await permissions.authorize(
        [{ permission: schedulerManagePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          "Only platform admins may read or run a plugin's scheduled tasks",
        );
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
