import { LRUCache } from 'lru-cache';

/** How a {@link CachedLoader} keeps values. */
export interface CachedLoaderOptions {
  /** The oldest a served value may be, in milliseconds; older ones are loaded again. */
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

  constructor(options: CachedLoaderOptions) {
    const { now } = options;
    this.#cache = new LRUCache<string, V, () => Promise<V>>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      // Read the clock on every check rather than once per millisecond.
      ttlResolution: 0,
      ...(now ? { perf: { now } } : {}),
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  /** The value of `key`, from the cache or from `load` when absent or expired. */
  get<T extends V>(key: string, load: () => Promise<T>): Promise<T> {
    return this.#cache.forceFetch(key, { context: load }) as Promise<T>;
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
