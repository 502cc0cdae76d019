import { ConfigReader } from '@backstage/config';
import { readVerifiedTokenCacheConfig } from './verifiedTokenCacheConfig';

const read = (verifiedTokenCache?: object) =>
  readVerifiedTokenCacheConfig(
    new ConfigReader(
      verifiedTokenCache ? { gogidix: { auth: { verifiedTokenCache } } } : {},
    ),
  );

describe('readVerifiedTokenCacheConfig', () => {
  it.each([
    [
      'nothing set',
      undefined,
      { enabled: true, maxEntries: 10_000, maxAgeMs: 60_000 },
    ],
    [
      'turned off',
      { enabled: false },
      { enabled: false, maxEntries: 10_000, maxAgeMs: 60_000 },
    ],
    [
      'a human duration',
      { maxAge: { seconds: 15 } },
      { enabled: true, maxEntries: 10_000, maxAgeMs: 15_000 },
    ],
    [
      'an ISO duration',
      { maxAge: 'PT2M', maxEntries: 50 },
      { enabled: true, maxEntries: 50, maxAgeMs: 120_000 },
    ],
  ])('reads %s', (_name, section, expected) => {
    expect(read(section)).toEqual(expected);
  });

  it.each([
    [{ maxEntries: 0 }, 'maxEntries must be a positive whole number, got 0'],
    [
      { maxEntries: 2.5 },
      'maxEntries must be a positive whole number, got 2.5',
    ],
    [{ maxAge: { seconds: 0 } }, 'maxAge must be longer than zero, got 0 ms'],
  ])('refuses %j', (section, message) => {
    expect(() => read(section)).toThrow(
      `gogidix.auth.verifiedTokenCache.${message}`,
    );
  });
});
