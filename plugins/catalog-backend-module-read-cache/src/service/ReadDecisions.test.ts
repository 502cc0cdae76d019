import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ReadDecisions } from './ReadDecisions';

function decisionsWith(decide: () => Promise<PolicyDecision>) {
  const clock = { time: 0 };
  const authorizeConditional = jest.fn(async () => [await decide()]);
  const permissions = mockServices.permissions.mock({ authorizeConditional });
  const decisions = new ReadDecisions({
    auth: mockServices.auth(),
    permissions,
    maxAgeMs: 1_000,
    now: () => clock.time,
  });
  return { clock, authorizeConditional, decisions };
}

describe('ReadDecisions', () => {
  it.each([
    [{ result: AuthorizeResult.ALLOW }, true],
    [{ result: AuthorizeResult.DENY }, false],
    [
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: [] },
        },
      },
      false,
    ],
  ] as Array<[PolicyDecision, boolean]>)(
    '%o means %s',
    async (decision, expected) => {
      const { decisions } = decisionsWith(async () => decision);
      expect(
        await decisions.mayReadEverything(
          mockCredentials.user('user:default/a'),
        ),
      ).toBe(expected);
    },
  );

  it('asks once per user within maxAge, again after it, and apart for each user', async () => {
    const { clock, authorizeConditional, decisions } = decisionsWith(
      async () => ({
        result: AuthorizeResult.ALLOW,
      }),
    );
    await decisions.mayReadEverything(mockCredentials.user('user:default/a'));
    clock.time = 999;
    await decisions.mayReadEverything(mockCredentials.user('user:default/a'));
    expect(authorizeConditional).toHaveBeenCalledTimes(1);
    await decisions.mayReadEverything(mockCredentials.user('user:default/b'));
    expect(authorizeConditional).toHaveBeenCalledTimes(2);
    clock.time = 1_000;
    await decisions.mayReadEverything(mockCredentials.user('user:default/a'));
    expect(authorizeConditional).toHaveBeenCalledTimes(3);
  });

  it('asks about a service principal every time: its decision is made in process', async () => {
    const { authorizeConditional, decisions } = decisionsWith(async () => ({
      result: AuthorizeResult.ALLOW,
    }));
    await decisions.mayReadEverything(mockCredentials.service());
    await decisions.mayReadEverything(mockCredentials.service());
    expect(authorizeConditional).toHaveBeenCalledTimes(2);
  });

  it('never allows nobody, nor anyone when the policy cannot be asked', async () => {
    const { decisions } = decisionsWith(async () => {
      throw new Error('permission backend down');
    });
    expect(await decisions.mayReadEverything(mockCredentials.user())).toBe(
      false,
    );
    expect(await decisions.mayReadEverything(mockCredentials.none())).toBe(
      false,
    );
  });
});
