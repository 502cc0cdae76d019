import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** `gogidix.auth.verifiedTokenCache`, read once at start-up. */
export interface VerifiedTokenCacheConfig {
  enabled: boolean;
  /** How many verified tokens are kept at most, across all plugins. */
  maxEntries: number;
  /** The longest a verification is reused, in milliseconds, even before the token's own expiry. */
  maxAgeMs: number;
}

const KEY = 'gogidix.auth.verifiedTokenCache';

/**
 * A minute: long enough that under load all but one request a minute per
 * caller skip the signature check, short enough that a signing key withdrawn
 * from its JWKS stops being honoured a minute after the uncached path would
 * (which itself keeps a fetched JWKS for up to ten minutes).
 */
const DEFAULT_MAX_AGE_MS = 60_000;

/** Ten thousand callers at about a kilobyte each: around 10 MB at most. */
const DEFAULT_MAX_ENTRIES = 10_000;

export function readVerifiedTokenCacheConfig(
  config: Config,
): VerifiedTokenCacheConfig {
  const section = config.getOptionalConfig(KEY);
  const maxAgeMs = section?.has('maxAge')
    ? durationToMilliseconds(readDurationFromConfig(section, { key: 'maxAge' }))
    : DEFAULT_MAX_AGE_MS;
  const maxEntries =
    section?.getOptionalNumber('maxEntries') ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new Error(
      `${KEY}.maxEntries must be a positive whole number, got ${maxEntries}`,
    );
  }
  if (!(maxAgeMs > 0)) {
    throw new Error(
      `${KEY}.maxAge must be longer than zero, got ${maxAgeMs} ms`,
    );
  }
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    maxEntries,
    maxAgeMs,
  };
}
