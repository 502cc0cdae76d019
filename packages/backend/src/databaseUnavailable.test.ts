import { ServiceUnavailableError } from '@backstage/errors';
import {
  databaseUnavailableAs503,
  isDatabaseUnavailable,
} from './databaseUnavailable';

function withCode(message: string, code: string) {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'connection refused',
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      true,
    ],
    [
      'server shutting down',
      withCode('terminating connection due to administrator command', '57P01'),
      true,
    ],
    [
      'server starting up',
      withCode('the database system is starting up', '57P03'),
      true,
    ],
    ['connection failure class', withCode('connection failure', '08006'), true],
    [
      'a dropped connection',
      new Error('Connection terminated unexpectedly'),
      true,
    ],
    [
      'a pool that cannot hand out a connection',
      Object.assign(
        new Error(
          'Knex: Timeout acquiring a connection. The pool is probably full.',
        ),
        { name: 'KnexTimeoutError' },
      ),
      true,
    ],
    [
      'wrapped in a cause',
      new Error('Failed to read', { cause: withCode('x', 'ECONNRESET') }),
      true,
    ],
    ['a unique violation', withCode('duplicate key value', '23505'), false],
    ['a syntax error', withCode('syntax error at or near', '42601'), false],
    [
      'a plain bug',
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      false,
    ],
    ['not an error', undefined, false],
  ])('%s', (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});

describe('databaseUnavailableAs503', () => {
  const run = (error: Error) => {
    const next = jest.fn();
    databaseUnavailableAs503(error, {} as any, {} as any, next);
    return next.mock.calls[0][0];
  };

  it('passes a ServiceUnavailableError on when the database is away', () => {
    const passed = run(withCode('connect ECONNREFUSED', 'ECONNREFUSED'));
    expect(passed).toBeInstanceOf(ServiceUnavailableError);
    expect(passed.message).toMatch(/cannot reach its database/);
  });

  it('passes any other error on unchanged', () => {
    const error = withCode('duplicate key value', '23505');
    expect(run(error)).toBe(error);
  });
});
