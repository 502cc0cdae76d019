import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { entityRequest } from './entityRequest';

const permission = createPermission({
  name: 'test.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

describe('entityRequest', () => {
  const req = {
    headers: { authorization: mockCredentials.user.header() },
    params: { kind: 'Component', namespace: 'default', name: 'listings' },
  } as any;

  it('names the entity the path addresses and checks the permission on it', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async () => [{ result: AuthorizeResult.ALLOW }],
    });
    const { credentials, entityRef } = await entityRequest(
      { httpAuth: mockServices.httpAuth(), permissions },
      req,
      permission,
      ref => `no ${ref}`,
    );
    expect(entityRef).toBe('component:default/listings');
    expect(credentials.principal).toMatchObject({
      userEntityRef: 'user:default/mock',
    });
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission, resourceRef: 'component:default/listings' }],
      { credentials },
    );
  });

  it('refuses with the message for that entity', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async () => [{ result: AuthorizeResult.DENY }],
    });
    const refused = entityRequest(
      { httpAuth: mockServices.httpAuth(), permissions },
      req,
      permission,
      ref => `You may not read ${ref}`,
    );
    await expect(refused).rejects.toThrow(NotAllowedError);
    await expect(refused).rejects.toThrow(
      'You may not read component:default/listings',
    );
  });
});
