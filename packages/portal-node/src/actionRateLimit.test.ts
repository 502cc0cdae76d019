import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  ActionRateLimit,
  readExpensiveRequestsPerMinute,
} from './actionRateLimit';

describe('readExpensiveRequestsPerMinute', () => {
  it.each([
    [undefined, 60],
    [5, 5],
  ])('reads %p as %p', (value, expected) => {
    const config = mockServices.rootConfig({
      data:
        value === undefined
          ? {}
          : { gogidix: { http: { expensiveRequestsPerMinute: value } } },
    });
    expect(readExpensiveRequestsPerMinute(config)).toBe(expected);
  });

  it.each([0, -1, 1.5])('refuses %p', value => {
    const config = mockServices.rootConfig({
      data: { gogidix: { http: { expensiveRequestsPerMinute: value } } },
    });
    expect(() => readExpensiveRequestsPerMinute(config)).toThrow(
      /positive whole number/,
    );
  });
});

describe('ActionRateLimit', () => {
  it('allows the budget per person and action in a minute, then says when to retry', () => {
    let clock = 0;
    const limit = new ActionRateLimit({ perMinute: 3, now: () => clock });
    for (let i = 0; i < 3; i++) limit.take('user:default/jane', 'a');
    clock = 20_000;
    expect(() => limit.take('user:default/jane', 'a')).toThrow(
      new ServiceUnavailableError(
        'Too many a calls: at most 3 a minute per user; retry after 40 s',
      ),
    );
    // Another person, and another action, have their own budgets.
    expect(() => limit.take('user:default/joe', 'a')).not.toThrow();
    expect(() => limit.take('user:default/jane', 'b')).not.toThrow();
    clock = 60_000;
    expect(() => limit.take('user:default/jane', 'a')).not.toThrow();
  });
});
