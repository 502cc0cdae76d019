import { systemRef } from './systemRef';

describe('systemRef', () => {
  it.each([
    ['marketplace', undefined, 'system:default/marketplace'],
    ['system:default/marketplace', undefined, 'system:default/marketplace'],
    ['default/marketplace', undefined, 'system:default/marketplace'],
    ['System:Default/Marketplace', undefined, 'system:default/marketplace'],
    [' marketplace ', undefined, 'system:default/marketplace'],
    ['marketplace', 'finance', 'system:finance/marketplace'],
    ['system:default/marketplace', 'finance', 'system:default/marketplace'],
  ])('%s (namespace %s) is %s', (system, defaultNamespace, expected) => {
    expect(systemRef(system, { defaultNamespace })).toBe(expected);
  });

  it('throws on an unreadable ref', () => {
    expect(() => systemRef(':')).toThrow();
  });
});
