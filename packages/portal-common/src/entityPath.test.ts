import { entityPath } from './entityPath';

describe('entityPath', () => {
  it('puts kind first, then namespace and name', () => {
    expect(entityPath('component:default/listings-service')).toBe(
      'component/default/listings-service',
    );
    expect(
      entityPath({ kind: 'Component', namespace: 'Payments', name: 'Ledger' }),
    ).toBe('component/payments/Ledger');
  });

  it('reads a bare name as a component in the default namespace', () => {
    expect(entityPath('listings-service')).toBe(
      'component/default/listings-service',
    );
  });

  it('encodes each segment', () => {
    expect(
      entityPath({ kind: 'component', namespace: 'a b', name: 'x/y' }),
    ).toBe('component/a%20b/x%2Fy');
  });
});
