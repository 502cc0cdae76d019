import { InputError, NotAllowedError } from '@backstage/errors';
import { JsonValue } from '@backstage/types';
import { createHash } from 'node:crypto';
import {
  CONFIRMATION_TTL_MS,
  ConfirmationCache,
  DryRunConfirmations,
  inputDigest,
} from './dryRunConfirmation';

/** A cache as the cache service behaves: values copied, entries dropped after their ttl. */
function memoryCache(now: () => number) {
  const entries = new Map<string, { value: string; until: number }>();
  const cache: ConfirmationCache = {
    async get<T extends JsonValue>(key: string) {
      const entry = entries.get(key);
      if (!entry || entry.until <= now()) return undefined;
      return JSON.parse(entry.value) as T;
    },
    async set(key, value, options) {
      entries.set(key, {
        value: JSON.stringify(value),
        until: now() + Number(options?.ttl ?? Infinity),
      });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
  return { cache, entries };
}

function setup() {
  let clock = Date.parse('2026-12-07T10:00:00Z');
  const { cache, entries } = memoryCache(() => clock);
  const confirmations = new DryRunConfirmations({ cache, now: () => clock });
  return {
    confirmations,
    entries,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const call = {
  actor: 'user:default/jane',
  action: 'scaffolder:create-service',
  target: 'template:default/typescript-service',
  input: {
    templateRef: 'template:default/typescript-service',
    values: { name: 'a', owner: 'group:default/listings' },
  },
};

describe('inputDigest', () => {
  it.each([
    [
      'key order does not matter',
      { a: 1, b: [1, { c: 2, d: 3 }] },
      { b: [1, { d: 3, c: 2 }], a: 1 },
      true,
    ],
    [
      'an undefined field is an absent one',
      { a: 1, b: undefined },
      { a: 1 },
      true,
    ],
    ['a changed value matters', { a: 1 }, { a: 2 }, false],
    ['array order matters', { a: [1, 2] }, { a: [2, 1] }, false],
    ['a string is not a number', { a: '1' }, { a: 1 }, false],
    ['null is not absent', { a: null }, {}, false],
  ])('%s', (_, left, right, same) => {
    expect(inputDigest(left) === inputDigest(right)).toBe(same);
  });

  it('is the SHA-256 of the sorted JSON', () => {
    const expected = createHash('sha256')
      .update('{"a":1,"b":"x"}')
      .digest('hex');
    expect(inputDigest({ b: 'x', a: 1 })).toBe(expected);
  });
});

describe('DryRunConfirmations', () => {
  it('confirms the same call once, within ten minutes', async () => {
    const { confirmations, advance } = setup();
    const { token, expiresAt } = await confirmations.issue(call);
    expect(expiresAt).toBe('2026-12-07T10:10:00.000Z');
    advance(CONFIRMATION_TTL_MS - 1);
    await expect(
      confirmations.redeem(
        {
          ...call,
          input: {
            values: call.input.values,
            templateRef: call.input.templateRef,
          },
        },
        token,
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses a replayed confirmation', async () => {
    const { confirmations } = setup();
    const { token } = await confirmations.issue(call);
    await confirmations.redeem(call, token);
    await expect(confirmations.redeem(call, token)).rejects.toThrow(
      new InputError(
        'confirm: no such confirmation, or it was used or has expired; run with dryRun: true and use the confirmation it returns',
      ),
    );
  });

  it('refuses two concurrent uses of one confirmation', async () => {
    const { confirmations } = setup();
    const { token } = await confirmations.issue(call);
    const results = await Promise.allSettled([
      confirmations.redeem(call, token),
      confirmations.redeem(call, token),
    ]);
    expect(results.map(r => r.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
  });

  it('refuses an expired confirmation even while the cache still holds it', async () => {
    const { confirmations, advance } = setup();
    const { token } = await confirmations.issue(call);
    advance(CONFIRMATION_TTL_MS);
    await expect(confirmations.redeem(call, token)).rejects.toThrow(InputError);
  });

  it('refuses another person, without using the confirmation up', async () => {
    const { confirmations } = setup();
    const { token } = await confirmations.issue(call);
    await expect(
      confirmations.redeem({ ...call, actor: 'user:default/mallory' }, token),
    ).rejects.toThrow(NotAllowedError);
    await expect(confirmations.redeem(call, token)).resolves.toBeUndefined();
  });

  it.each([
    [
      'changed input',
      {
        input: {
          ...call.input,
          values: { name: 'b', owner: 'group:default/listings' },
        },
      },
      /input differs from the dry run/,
    ],
    [
      'another action',
      { action: 'compliance:request-waiver' },
      /is for scaffolder:create-service on template/,
    ],
    [
      'another target',
      { target: 'template:default/java-service' },
      /not scaffolder:create-service on template:default\/java-service/,
    ],
  ])('refuses %s', async (_, change, message) => {
    const { confirmations } = setup();
    const { token } = await confirmations.issue(call);
    await expect(
      confirmations.redeem({ ...call, ...change }, token),
    ).rejects.toThrow(message);
  });

  it('refuses a token it never issued', async () => {
    const { confirmations } = setup();
    await confirmations.issue(call);
    await expect(confirmations.redeem(call, 'made-up')).rejects.toThrow(
      InputError,
    );
  });

  it('keeps no token in the cache, only its hash', async () => {
    const { confirmations, entries } = setup();
    const { token } = await confirmations.issue(call);
    const stored = [...entries.entries()]
      .map(([k, v]) => `${k} ${v.value}`)
      .join('\n');
    expect(stored).not.toContain(token);
  });
});
