import { ConfigReader } from '@backstage/config';
import { readReadCacheConfig } from './readCacheConfig';

describe('readReadCacheConfig', () => {
  it.each([
    ['no cache store configured', {}, false],
    ['the memory store', { backend: { cache: { store: 'memory' } } }, false],
    ['Redis', { backend: { cache: { store: 'redis' } } }, true],
    ['Valkey', { backend: { cache: { store: 'valkey' } } }, true],
    [
      'Redis, with sharing turned off',
      {
        backend: { cache: { store: 'redis' } },
        catalog: { readCache: { shared: false } },
      },
      false,
    ],
    [
      'the memory store, with sharing asked for',
      { catalog: { readCache: { shared: true } } },
      true,
    ],
  ])('with %s, shares answers between replicas or not', (_, data, shared) => {
    expect(readReadCacheConfig(new ConfigReader(data)).shared).toBe(shared);
  });

  it.each([
    [{}, 100],
    [{ maxAge: '150ms' }, 75],
    [{ followWithin: '0s' }, 0],
    [{ followWithin: { milliseconds: 250 } }, 250],
  ])('with %j follows other replicas within %d ms', (readCache, ms) => {
    expect(
      readReadCacheConfig(new ConfigReader({ catalog: { readCache } }))
        .followWithinMs,
    ).toBe(ms);
  });

  it('refuses a follow window as long as the freshness bound', () => {
    expect(() =>
      readReadCacheConfig(
        new ConfigReader({
          catalog: { readCache: { maxAge: '1s', followWithin: '1s' } },
        }),
      ),
    ).toThrow(
      'catalog.readCache.followWithin must be at least zero and shorter than maxAge (1000 ms), got 1000 ms',
    );
  });

  it('refuses a freshness bound of zero', () => {
    expect(() =>
      readReadCacheConfig(
        new ConfigReader({ catalog: { readCache: { maxAge: '0s' } } }),
      ),
    ).toThrow('catalog.readCache.maxAge must be longer than zero');
  });
});
