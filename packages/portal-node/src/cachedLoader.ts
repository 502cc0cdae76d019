import { LRUCache } from 'lru-cache';

/** How a {@link CachedLoader} keeps values. */
export interface CachedLoaderOptions {
  /**
   * The oldest a served value may be, in milliseconds; older ones are
   * loaded again. With 0 nothing is kept: only callers asking while a value
   * loads share that load.
   */
  ttlMs: number;
  /** The most keys kept; the least recently used leaves first. */
  maxEntries: number;
  /** The clock, in milliseconds; for tests. */
  now?: () => number;
}

/**
 * Values loaded on demand and kept for `ttlMs`, on `lru-cache`. Callers
 * asking for a key while it loads share that one load, so ten concurrent
 * cold requests cost one round trip; a failed load is not kept, so the next
 * request tries again.
 *
 * The key must name everything the value depends on (data version, the
 * caller's scope, …): a value is never loaded again within `ttlMs`.
 */
export class CachedLoader<V extends {}> {
  readonly #cache: LRUCache<string, V, () => Promise<V>>;
  readonly #keeps: boolean;

  constructor(options: CachedLoaderOptions) {
    const { now } = options;
    if (!(options.ttlMs >= 0)) {
      throw new Error(`ttlMs must be 0 or more, got ${options.ttlMs}`);
    }
    this.#keeps = options.ttlMs > 0;
    this.#cache = new LRUCache<string, V, () => Promise<V>>({
      max: options.maxEntries,
      // lru-cache reads a ttl of 0 as "never expires": see #keeps instead.
      ...(this.#keeps ? { ttl: options.ttlMs } : {}),
      // Read the clock on every check rather than once per millisecond.
      ttlResolution: 0,
      // lru-cache reads a start time of 0 as "no start": never hand it one.
      ...(now ? { perf: { now: () => now() + 1 } } : {}),
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  /** The value of `key`, from the cache or from `load` when absent or expired. */
  get<T extends V>(key: string, load: () => Promise<T>): Promise<T> {
    const value = this.#cache.forceFetch(key, { context: load }) as Promise<T>;
    if (this.#keeps) return value;
    return value.finally(() => this.#cache.delete(key));
  }

  /** Forgets every value, e.g. after a write that changes them all. */
  clear(): void {
    this.#cache.clear();
  }

  /** How many values are kept. */
  get size(): number {
    return this.#cache.size;
  }
}
