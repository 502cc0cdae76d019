import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { authorizeOrThrow } from './authorize';

const readPermission = createPermission({
  name: 'example.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const credentials = mockCredentials.user('user:default/jane');
const request = {
  permission: readPermission,
  resourceRef: 'component:default/api',
};

describe('authorizeOrThrow', () => {
  it('passes the request and credentials to the policy and returns when allowed', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([
      { result: AuthorizeResult.ALLOW },
    ]);
    await expect(
      authorizeOrThrow(permissions, credentials, request, 'nope'),
    ).resolves.toBeUndefined();
    expect(permissions.authorize).toHaveBeenCalledWith([request], {
      credentials,
    });
  });

  it.each([AuthorizeResult.DENY, AuthorizeResult.CONDITIONAL])(
    'throws NotAllowedError with the message when the answer is %s',
    async result => {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([{ result } as never]);
      const refused = authorizeOrThrow(
        permissions,
        credentials,
        request,
        'Not allowed to read component:default/api',
      );
      await expect(refused).rejects.toThrow(NotAllowedError);
      await expect(refused).rejects.toThrow(
        'Not allowed to read component:default/api',
      );
    },
  );
});
