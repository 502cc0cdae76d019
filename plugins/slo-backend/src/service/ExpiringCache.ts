/**
 * Values kept for a fixed time after they were loaded, then loaded again.
 * Callers asking for the same key while it loads share that one load, so
 * ten concurrent cold requests cost one round trip, not ten. A failed load
 * is not kept. The oldest entry leaves first when the cache is full.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<
    string,
    { expiresAt: number; value: Promise<V> }
  >();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now: () => number;
    },
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.options.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    this.entries.delete(key);
    const value = load();
    this.entries.set(key, { expiresAt: now + this.options.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return value;
  }
}
