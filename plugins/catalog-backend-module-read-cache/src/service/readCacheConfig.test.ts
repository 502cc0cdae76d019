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

  it('refuses a freshness bound of zero', () => {
    expect(() =>
      readReadCacheConfig(
        new ConfigReader({ catalog: { readCache: { maxAge: '0s' } } }),
      ),
    ).toThrow('catalog.readCache.maxAge must be longer than zero');
  });
});
