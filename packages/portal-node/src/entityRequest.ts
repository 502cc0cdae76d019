import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { authorizeOrThrow } from './authorize';

/** A request to a route under `/entities/:kind/:namespace/:name`. */
export type EntityRouteRequest = Parameters<
  HttpAuthService['credentials']
>[0] & { params: { kind: string; namespace: string; name: string } };

/**
 * The start of every entity route: the caller (a user or a service), the
 * entity the path addresses, and the permission on it, or a 403 with
 * `refused(entityRef)` as its message.
 */
export async function entityRequest(
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: EntityRouteRequest,
  permission: ResourcePermission<'catalog-entity'>,
  refused: (entityRef: string) => string,
): Promise<{ credentials: BackstageCredentials; entityRef: string }> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const { kind, namespace, name } = req.params;
  const entityRef = stringifyEntityRef({ kind, namespace, name });
  await authorizeOrThrow(
    services.permissions,
    credentials,
    { permission, resourceRef: entityRef },
    refused(entityRef),
  );
  return { credentials, entityRef };
}
