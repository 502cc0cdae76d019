import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';

/**
 * Asks the permission policy about one request and throws NotAllowedError
 * (a 403) with `message` unless it is allowed. A conditional answer is not
 * an allow: these routes do not apply conditions.
 */
export async function authorizeOrThrow(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  request: AuthorizePermissionRequest,
  message: string,
): Promise<void> {
  const [decision] = await permissions.authorize([request], { credentials });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(message);
  }
}
