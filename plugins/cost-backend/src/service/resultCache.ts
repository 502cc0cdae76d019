/**
 * Computed results kept in memory for a bounded time, at most `maxEntries`
 * of them. Callers that ask for a key while it is being computed share the
 * one computation; a failed computation is not kept.
 *
 * The key must hold everything the result depends on: the data version, the
 * catalog index and, for results filtered per caller, the caller's scope.
 */
export class ResultCache {
  readonly #entries = new Map<
    string,
    { at: number; value: Promise<unknown> }
  >();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.#entries.get(key);
    if (hit && now - hit.at <= this.maxAgeMs) {
      return hit.value as Promise<T>;
    }
    const value = load();
    // Re-inserted so that the map's order is the order of computation.
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) {
        this.#entries.delete(key);
      }
    });
    for (const [old, entry] of this.#entries) {
      if (this.#entries.size <= this.maxEntries) break;
      if (entry.value !== value) this.#entries.delete(old);
    }
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number per object, for keys that depend on an object's identity. */
export function identity(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = ++nextId;
    ids.set(object, id);
  }
  return id;
}
