import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { scopeTeams, teamScope } from './teamScope';

const orgRead = createPermission({
  name: 'example.org.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const messages = {
  noTeam: 'Not allowed to read any team',
  refused: (teams: string[]) => `Not allowed to read ${teams.join(', ')}`,
};
const A = 'group:default/a';
const B = 'group:default/b';
const C = 'group:finance/a';

describe('scopeTeams', () => {
  it.each([
    ['no team asked for: every visible team', [A, B, C], [A, C], [], [A, C]],
    ['a visible team asked for', [A, B, C], [A, C], [C], [C]],
    ['a team asked for twice', [A, B], [A], [A, A], [A]],
    ['an unknown team asked for: nothing', [A], [A], ['group:default/x'], []],
    ['no known team at all', [], [], [], []],
  ])('%s', (_, teams, visible, requested, shown) => {
    const scope = scopeTeams({ teams, visible, requested }, messages);
    expect(scope.shown).toEqual(shown);
    expect(scope.visible).toEqual(visible);
  });

  it('refuses a caller who may see no known team', () => {
    expect(() => scopeTeams({ teams: [A, B], visible: [] }, messages)).toThrow(
      new NotAllowedError('Not allowed to read any team'),
    );
  });

  it('refuses the known teams asked for that the caller may not see', () => {
    expect(() =>
      scopeTeams(
        { teams: [A, B, C], visible: [A], requested: [A, B, C] },
        messages,
      ),
    ).toThrow(new NotAllowedError(`Not allowed to read ${B}, ${C}`));
  });

  it('keeps only known teams in what is visible', () => {
    expect(
      scopeTeams({ teams: [A], visible: [A, 'group:default/new'] }, messages),
    ).toEqual({ visible: [A], shown: [A] });
  });
});

describe('teamScope', () => {
  const credentials = mockCredentials.user('user:default/jane');

  function policy(allowed: string[]) {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockImplementation(
      async (requests: AuthorizePermissionRequest[]) =>
        requests.map(r => ({
          result: allowed.includes(r.resourceRef ?? '')
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
        })),
    );
    return permissions;
  }

  it('asks once, per team with the team as the resource', async () => {
    const permissions = policy([C]);
    const scope = await teamScope({
      permissions,
      credentials,
      permission: orgRead,
      teams: [A, C],
      messages,
    });
    expect(scope).toEqual({ visible: [C], shown: [C] });
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        { permission: orgRead, resourceRef: A },
        { permission: orgRead, resourceRef: C },
      ],
      { credentials },
    );
  });

  it('keeps teams in two namespaces with one name apart', async () => {
    await expect(
      teamScope({
        permissions: policy([C]),
        credentials,
        permission: orgRead,
        teams: [A, C],
        requested: [A],
        messages,
      }),
    ).rejects.toThrow(`Not allowed to read ${A}`);
  });

  it('checks a team under the resource ref it is given', async () => {
    const permissions = policy(['group:default/unallocated']);
    const scope = await teamScope({
      permissions,
      credentials,
      permission: orgRead,
      teams: [A, 'unallocated'],
      resourceRef: t => (t === 'unallocated' ? `group:default/${t}` : t),
      messages,
    });
    expect(scope.visible).toEqual(['unallocated']);
  });

  it('asks nothing when there are no teams', async () => {
    const permissions = policy([]);
    await expect(
      teamScope({
        permissions,
        credentials,
        permission: orgRead,
        teams: [],
        messages,
      }),
    ).resolves.toEqual({ visible: [], shown: [] });
    expect(permissions.authorize).not.toHaveBeenCalled();
  });
});
