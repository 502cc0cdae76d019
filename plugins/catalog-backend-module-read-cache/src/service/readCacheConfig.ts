import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** `catalog.readCache`, read once at start-up. */
export interface ReadCacheConfig {
  enabled: boolean;
  /** The freshness bound, in milliseconds. */
  maxAgeMs: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Whether answers are shared between replicas through the cache service. */
  shared: boolean;
}

/**
 * Two seconds: the catalog itself is minutes behind its sources (it
 * re-reads them every 100 to 200 seconds and then stitches), so two more
 * seconds change nothing a reader can tell, while under load every hot
 * request after the first in each two seconds is answered from memory.
 */
const DEFAULT_MAX_AGE_MS = 2_000;

/**
 * Whether Backstage's cache service reaches a store every replica sees
 * (`backend.cache.store` redis, valkey, memcache, …); the default `memory`
 * store lives in each process.
 */
function isSharedCacheStore(config: Config): boolean {
  const store = config.getOptionalString('backend.cache.store') ?? 'memory';
  return store !== 'memory';
}

export function readReadCacheConfig(config: Config): ReadCacheConfig {
  const section = config.getOptionalConfig('catalog.readCache');
  const maxAgeMs = section?.has('maxAge')
    ? durationToMilliseconds(readDurationFromConfig(section, { key: 'maxAge' }))
    : DEFAULT_MAX_AGE_MS;
  const settings: ReadCacheConfig = {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    maxAgeMs,
    maxEntries: section?.getOptionalNumber('maxEntries') ?? 1_000,
    maxEntryBytes: section?.getOptionalNumber('maxEntryBytes') ?? 1024 * 1024,
    maxTotalBytes:
      section?.getOptionalNumber('maxTotalBytes') ?? 64 * 1024 * 1024,
    shared: section?.getOptionalBoolean('shared') ?? isSharedCacheStore(config),
  };
  for (const key of ['maxEntries', 'maxEntryBytes', 'maxTotalBytes'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 1) {
      throw new Error(
        `catalog.readCache.${key} must be a positive whole number, got ${settings[key]}`,
      );
    }
  }
  if (!(maxAgeMs > 0)) {
    throw new Error(
      `catalog.readCache.maxAge must be longer than zero, got ${maxAgeMs} ms`,
    );
  }
  return settings;
}
