import { entityOwnerTeamRef, ownerTeamRef } from './ownerTeamRef';

describe('ownerTeamRef', () => {
  it.each([
    ['payments', undefined, 'group:default/payments'],
    ['group:payments', undefined, 'group:default/payments'],
    ['default/payments', undefined, 'group:default/payments'],
    ['group:default/payments', undefined, 'group:default/payments'],
    ['finance/payments', undefined, 'group:finance/payments'],
    ['group:finance/payments', 'other', 'group:finance/payments'],
    ['payments', 'finance', 'group:finance/payments'],
    ['group:payments', 'finance', 'group:finance/payments'],
    ['Group:Default/Payments', undefined, 'group:default/payments'],
    ['user:default/jane', undefined, 'user:default/jane'],
  ])('reads %j (default namespace %j) as %j', (owner, ns, ref) => {
    expect(ownerTeamRef(owner, { defaultNamespace: ns })).toBe(ref);
  });

  it('refuses an owner that is no ref', () => {
    expect(() => ownerTeamRef('group:')).toThrow();
  });
});

describe('entityOwnerTeamRef', () => {
  const entity = (owner: unknown, namespace?: string) => ({
    metadata: { name: 'svc', namespace },
    spec: { owner },
  });

  it.each([
    [entity('payments'), 'group:default/payments'],
    [entity('payments', 'finance'), 'group:finance/payments'],
    [entity('default/payments', 'finance'), 'group:default/payments'],
    [entity(' payments '), 'group:default/payments'],
    [entity(undefined), undefined],
    [entity(''), undefined],
    [entity(42), undefined],
    [entity('default/'), undefined],
    [{ metadata: {} }, undefined],
  ])('resolves %j to %j', (e, ref) => {
    expect(entityOwnerTeamRef(e)).toBe(ref);
  });
});
