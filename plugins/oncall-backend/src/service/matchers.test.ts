import { InputError } from '@backstage/errors';
import { alertFilters } from './matchers';

describe('alertFilters', () => {
  it.each([
    ['service=payments-service', ['service="payments-service"']],
    [
      'service=payments-service, team!=qa',
      ['service="payments-service"', 'team!="qa"'],
    ],
    ['severity=~"page|ticket"', ['severity=~"page|ticket"']],
    ['env!~dev.*', ['env!~"dev.*"']],
    ['name=a"b', ['name="a\\"b"']],
  ])('%s', (selector, expected) => {
    expect(alertFilters(selector)).toEqual(expected);
  });

  it.each(['service', '1abc=x', 'se rvice=x'])(
    'refuses %s with a reason',
    selector => {
      expect(() => alertFilters(selector)).toThrow(InputError);
    },
  );
});
