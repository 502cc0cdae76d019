import {
  AuthService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/** One verification kept: the credentials and until when they may be reused. */
interface VerifiedToken {
  credentials: BackstageCredentials;
  /** Epoch milliseconds; never later than the token's own expiry. */
  freshUntil: number;
}

interface Verification {
  token: string;
  verify: () => Promise<BackstageCredentials>;
}

/**
 * The credentials of tokens that Backstage's auth service has verified,
 * shared by every plugin of the backend and bounded in count. A token is
 * known here only by its SHA-256, with the plugin that verified it and
 * whether limited access was allowed, because each changes the answer.
 *
 * A verification is reused until the earliest of the token's `exp`, the
 * credentials' `expiresAt` and `maxAgeMs` after it was made, checked on
 * every hit against `now()`. Failed verifications are never kept: the next
 * request with the same token is verified again.
 */
export class VerifiedTokenCache {
  readonly #entries: LRUCache<string, VerifiedToken, Verification>;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  constructor(options: {
    maxEntries: number;
    maxAgeMs: number;
    now?: () => number;
  }) {
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? (() => Date.now());
    this.#entries = new LRUCache<string, VerifiedToken, Verification>({
      max: options.maxEntries,
      // Concurrent first requests with one token share one verification.
      fetchMethod: async (_key, _stale, { context, options: set }) => {
        const credentials = await context.verify();
        const entry = this.#entryFor(credentials, context.token);
        // The ttl only frees memory early; freshness is checked on each hit.
        set.ttl = Math.max(1, entry.freshUntil - this.#now());
        return entry;
      },
    });
  }

  /** How many verifications are kept now. */
  get size(): number {
    return this.#entries.size;
  }

  async credentialsFor(
    pluginId: string,
    token: string,
    allowLimitedAccess: boolean,
    verify: () => Promise<BackstageCredentials>,
  ): Promise<BackstageCredentials> {
    const key = cacheKey(pluginId, token, allowLimitedAccess);
    const kept = this.#entries.get(key);
    if (kept) {
      if (this.#isFresh(kept)) {
        return kept.credentials;
      }
      this.#entries.delete(key);
    }
    const entry = await this.#entries.fetch(key, {
      context: { token, verify },
    });
    // A shared verification that finished as the token expired is not
    // reused: the caller's own verification decides.
    if (!entry || !this.#isFresh(entry)) {
      return verify();
    }
    return entry.credentials;
  }

  #isFresh(entry: VerifiedToken): boolean {
    return this.#now() < entry.freshUntil;
  }

  #entryFor(credentials: BackstageCredentials, token: string): VerifiedToken {
    const limits = [this.#now() + this.#maxAgeMs];
    const expiry = jwtExpiry(token);
    if (expiry !== undefined) {
      limits.push(expiry);
    }
    if (credentials.expiresAt) {
      limits.push(credentials.expiresAt.getTime());
    }
    return { credentials, freshUntil: Math.min(...limits) };
  }
}

/**
 * A JWT's `exp` in epoch milliseconds; undefined for tokens that are not
 * JWTs (static access tokens) or carry no expiry. Read only after the
 * token has been verified, so its claims can be trusted.
 */
function jwtExpiry(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function cacheKey(
  pluginId: string,
  token: string,
  allowLimitedAccess: boolean,
): string {
  const digest = createHash('sha256').update(token).digest('base64url');
  return `${pluginId} ${allowLimitedAccess ? 'limited' : 'full'} ${digest}`;
}

/**
 * Backstage's auth service with `authenticate` answered from a
 * {@link VerifiedTokenCache}; everything else goes to the service as is.
 */
export class CachedVerificationAuthService implements AuthService {
  readonly #auth: AuthService;
  readonly #pluginId: string;
  readonly #cache: VerifiedTokenCache;

  constructor(options: {
    auth: AuthService;
    pluginId: string;
    cache: VerifiedTokenCache;
  }) {
    this.#auth = options.auth;
    this.#pluginId = options.pluginId;
    this.#cache = options.cache;
  }

  authenticate(
    token: string,
    options?: { allowLimitedAccess?: boolean },
  ): Promise<BackstageCredentials> {
    return this.#cache.credentialsFor(
      this.#pluginId,
      token,
      options?.allowLimitedAccess ?? false,
      () => this.#auth.authenticate(token, options),
    );
  }

  isPrincipal<TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]> {
    return this.#auth.isPrincipal(credentials, type);
  }

  getNoneCredentials() {
    return this.#auth.getNoneCredentials();
  }

  getOwnServiceCredentials(): Promise<
    BackstageCredentials<BackstageServicePrincipal>
  > {
    return this.#auth.getOwnServiceCredentials();
  }

  getPluginRequestToken(options: {
    onBehalfOf: BackstageCredentials;
    targetPluginId: string;
  }): Promise<{ token: string }> {
    return this.#auth.getPluginRequestToken(options);
  }

  getLimitedUserToken(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ token: string; expiresAt: Date }> {
    return this.#auth.getLimitedUserToken(credentials);
  }

  listPublicServiceKeys(): Promise<{ keys: JsonObject[] }> {
    return this.#auth.listPublicServiceKeys();
  }
}
