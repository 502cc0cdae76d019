import { fieldPath } from './fieldPath';

describe('fieldPath', () => {
  it.each([
    [['spec', 'containers', '0', 'resources'], 'spec.containers[0].resources'],
    [['ingress', '1'], 'ingress[1]'],
    [['metadata'], 'metadata'],
    [[], ''],
  ])('writes %j as %s', (segments, expected) => {
    expect(fieldPath(segments)).toBe(expected);
  });
});
