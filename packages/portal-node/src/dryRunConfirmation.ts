import { CacheService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { createHash, randomBytes } from 'node:crypto';

/** How long a dry run's confirmation may be used. */
export const CONFIRMATION_TTL_MS = 10 * 60_000;

/**
 * JSON with object keys sorted, so that the same answers given in another
 * key order are the same input.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The SHA-256 of an action's input, independent of key order. */
export function inputDigest(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

/** What a confirmation was issued for: who, which action, on what, with which input. */
export interface ConfirmedCall {
  /** The person, as `user:default/jane`. */
  actor: string;
  /** The action's id, as `scaffolder:create-service`. */
  action: string;
  /** What the action acts on, as `template:default/typescript-service`. */
  target: string;
  /** The input without `dryRun` and `confirm`. */
  input: unknown;
}

interface StoredConfirmation {
  actor: string;
  action: string;
  target: string;
  digest: string;
  expiresAt: number;
}

/** The part of the cache service the confirmations use. */
export type ConfirmationCache = Pick<CacheService, 'get' | 'set' | 'delete'>;

/**
 * The confirmations that write actions hand out after a dry run and take
 * back, once, for the real run. A confirmation is a random token; what it
 * confirms is kept in the plugin's cache under the token's hash, so a
 * token is only good where it was issued (or across replicas sharing the
 * cache) and a leaked cache reveals no usable token.
 */
export class DryRunConfirmations {
  private readonly cache: ConfirmationCache;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** Tokens being redeemed here, so two concurrent calls cannot both use one. */
  private readonly redeeming = new Set<string>();

  constructor(options: {
    cache: ConfirmationCache;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.cache = options.cache;
    this.ttlMs = options.ttlMs ?? CONFIRMATION_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** A confirmation for this call, valid for the ttl. */
  async issue(
    call: ConfirmedCall,
  ): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    const stored: StoredConfirmation = {
      actor: call.actor,
      action: call.action,
      target: call.target,
      digest: inputDigest(call.input),
      expiresAt,
    };
    await this.cache.set(this.keyOf(token), { ...stored }, { ttl: this.ttlMs });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /**
   * Uses up `token` for this call, or throws: NotAllowedError when it was
   * issued to someone else; InputError when it is unknown, used, expired,
   * for another action or target, or the input changed since the dry run.
   * A token that does not match is not used up, so its owner can still use it.
   */
  async redeem(call: ConfirmedCall, token: string): Promise<void> {
    const key = this.keyOf(token);
    if (this.redeeming.has(key)) {
      throw new InputError(
        'confirm: this confirmation is already being used; run the dry run again for another',
      );
    }
    this.redeeming.add(key);
    try {
      const stored = (await this.cache.get(key)) as
        | StoredConfirmation
        | undefined;
      if (!stored || stored.expiresAt <= this.now()) {
        throw new InputError(
          'confirm: no such confirmation, or it was used or has expired; run with dryRun: true and use the confirmation it returns',
        );
      }
      if (stored.actor !== call.actor) {
        throw new NotAllowedError(
          'confirm: this confirmation was issued to someone else; run the dry run yourself',
        );
      }
      if (stored.action !== call.action || stored.target !== call.target) {
        throw new InputError(
          `confirm: this confirmation is for ${stored.action} on ${stored.target}, not ${call.action} on ${call.target}`,
        );
      }
      if (stored.digest !== inputDigest(call.input)) {
        throw new InputError(
          'confirm: the input differs from the dry run it confirms; run the dry run again with this input',
        );
      }
      await this.cache.delete(key);
    } finally {
      this.redeeming.delete(key);
    }
  }

  private keyOf(token: string) {
    return `confirmation:${createHash('sha256').update(token).digest('hex')}`;
  }
}
