import { LRUCache } from 'lru-cache';

/** A complete 200 answer of the catalog, as it went out. */
export interface CatalogAnswer {
  body: Buffer;
  /** The headers the catalog's router set (content type, ETag, ...). */
  headers: Array<[string, string | number | string[]]>;
}

interface StoredAnswer extends CatalogAnswer {
  /** When the catalog began computing it: the freshness bound counts from here. */
  bornAt: number;
  /** From this age on, the next request renews it. */
  renewAfterMs: number;
}

/** A miss being answered by the catalog, that later requests may wait for. */
export interface AnswerFlight {
  /**
   * Called once the answer is known: undefined when it was not a cacheable
   * 200. `ageMs` is for an answer that was begun earlier than this flight
   * (one another replica kept); it is kept only while younger than maxAge.
   * Returns whether the answer was kept.
   */
  land(answer: CatalogAnswer | undefined, ageMs?: number): boolean;
  /** Milliseconds since the flight began. */
  ageMs(): number;
}

interface Flight {
  bornAt: number;
  generation: number;
  landed: Promise<CatalogAnswer | undefined>;
}

export interface CatalogReadCacheOptions {
  /** The freshness bound in milliseconds. */
  maxAgeMs: number;
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Milliseconds on a monotonic clock; tests move it by hand. */
  now?: () => number;
}

/**
 * The catalog's recent answers, by request. Nothing older than `maxAgeMs`
 * (counted from when the catalog began computing the answer) is ever
 * returned, and `invalidate()` forgets everything at once, including
 * answers still being computed.
 *
 * Concurrent misses for the same request share one trip to the catalog:
 * the first one flies, the others wait for it to land.
 */
export class CatalogReadCache {
  readonly maxAgeMs: number;
  private readonly maxEntryBytes: number;
  private readonly now: () => number;
  private readonly answers: LRUCache<string, StoredAnswer>;
  private readonly flights = new Map<string, Flight>();
  /** Bumped by every invalidation; an answer begun before it is not kept. */
  private generation = 0;
  /** The shared store's generation this cache's answers belong to. */
  private sharedGeneration?: string;

  constructor(options: CatalogReadCacheOptions) {
    this.maxAgeMs = options.maxAgeMs;
    this.maxEntryBytes = Math.min(options.maxEntryBytes, options.maxTotalBytes);
    this.now = options.now ?? (() => performance.now());
    this.answers = new LRUCache<string, StoredAnswer>({
      max: options.maxEntries,
      maxSize: options.maxTotalBytes,
      sizeCalculation: answer => Math.max(1, answer.body.length),
    });
  }

  /** A fresh answer to the request, if one is kept. */
  get(key: string): CatalogAnswer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    if (!this.isFresh(answer.bornAt)) {
      this.answers.delete(key);
      return undefined;
    }
    return answer;
  }

  /**
   * Whether this request should refresh a kept answer ahead of its expiry:
   * it is at least half `maxAgeMs` old and no miss for it is on its way.
   * The caller then asks the catalog as on a miss while every other request
   * is still served the kept answer, so a busy request is renewed before it
   * expires instead of making everyone wait for the catalog when it does.
   * Nothing is ever served past `maxAgeMs` either way.
   */
  claimRefresh(key: string): boolean {
    const answer = this.answers.peek(key);
    if (!answer || this.now() - answer.bornAt < answer.renewAfterMs) {
      return false;
    }
    return this.inFlight(key) === undefined;
  }

  /**
   * The answer of a miss for the same request already on its way to the
   * catalog, if one began recently enough to be served when it lands.
   */
  inFlight(key: string): Promise<CatalogAnswer | undefined> | undefined {
    const flight = this.flights.get(key);
    if (
      !flight ||
      flight.generation !== this.generation ||
      !this.isFresh(flight.bornAt)
    ) {
      return undefined;
    }
    return flight.landed;
  }

  /** Starts a miss: the caller asks the catalog and lands the answer. */
  takeOff(key: string): AnswerFlight {
    const bornAt = this.now();
    const generation = this.generation;
    let resolve: (answer: CatalogAnswer | undefined) => void = () => {};
    const landed = new Promise<CatalogAnswer | undefined>(r => {
      resolve = r;
    });
    const flight: Flight = { bornAt, generation, landed };
    this.flights.set(key, flight);
    let done = false;
    return {
      land: (answer, ageMs) => {
        if (done) return false;
        done = true;
        if (this.flights.get(key) === flight) this.flights.delete(key);
        const answerBornAt =
          ageMs === undefined ? bornAt : Math.min(bornAt, this.now() - ageMs);
        const keep =
          answer !== undefined &&
          generation === this.generation &&
          (ageMs === undefined || this.isFresh(answerBornAt)) &&
          answer.body.length <= this.maxEntryBytes;
        if (keep) {
          this.answers.set(key, {
            ...answer,
            bornAt: answerBornAt,
            // Another replica's answer is renewed later than one's own, so
            // that the replica that asked the catalog renews it first and
            // the others find its renewal in the shared store.
            renewAfterMs:
              ageMs === undefined ? this.maxAgeMs / 2 : (this.maxAgeMs * 3) / 4,
          });
        }
        resolve(keep ? answer : undefined);
        return keep;
      },
      ageMs: () => this.now() - bornAt,
    };
  }

  /** Forgets every answer, kept or on its way: the catalog may have changed. */
  invalidate() {
    this.generation += 1;
    this.answers.clear();
    this.flights.clear();
  }

  /**
   * Follows the shared store's generation: when another replica has started
   * a new one (a write went through it), everything kept here is forgotten.
   */
  follow(sharedGeneration: string) {
    if (sharedGeneration === this.sharedGeneration) return;
    this.sharedGeneration = sharedGeneration;
    this.invalidate();
  }

  get size() {
    return this.answers.size;
  }

  private isFresh(bornAt: number) {
    return this.now() - bornAt < this.maxAgeMs;
  }
}
