import { isRunbookName, runbookPath } from './urls';

describe('runbookPath', () => {
  it('builds the fixed portal path with lower-cased kind and namespace', () => {
    expect(
      runbookPath(
        { kind: 'Component', namespace: 'Default', name: 'listings-service' },
        'slo-availability-burn',
      ),
    ).toBe(
      '/runbooks/default/component/listings-service/slo-availability-burn',
    );
  });

  it('encodes segments so a name cannot add path segments', () => {
    expect(
      runbookPath(
        { kind: 'component', namespace: 'default', name: 'a/b' },
        'x y',
      ),
    ).toBe('/runbooks/default/component/a%2Fb/x%20y');
  });
});

describe('isRunbookName', () => {
  it.each([
    ['high-error-rate', true],
    ['slo_latency.v2', true],
    ['../secrets', false],
    ['.hidden', false],
    ['a/b', false],
    ['notes.md', false],
    ['', false],
  ])('%s -> %s', (name, expected) => {
    expect(isRunbookName(name)).toBe(expected);
  });
});
