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
  /**
   * How long a replica goes on with the generation it last read before
   * reading it again: a write through another replica reaches its reads
   * within this long (a write through itself, at once).
   */
  followWithinMs: number;
}

/**
 * A tenth of a second: a replica reads the shared generation at most ten
 * times a second instead of on every read, so a hit costs no round trip,
 * and another replica's write is followed twenty times sooner than the
 * two-second bound that held before answers were shared.
 */
const DEFAULT_FOLLOW_WITHIN_MS = 100;

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
    followWithinMs: section?.has('followWithin')
      ? durationToMilliseconds(
          readDurationFromConfig(section, { key: 'followWithin' }),
        )
      : Math.min(DEFAULT_FOLLOW_WITHIN_MS, maxAgeMs / 2),
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
  const { followWithinMs } = settings;
  if (!(followWithinMs >= 0 && followWithinMs < maxAgeMs)) {
    throw new Error(
      `catalog.readCache.followWithin must be at least zero and shorter than maxAge (${maxAgeMs} ms), got ${followWithinMs} ms`,
    );
  }
  return settings;
}
