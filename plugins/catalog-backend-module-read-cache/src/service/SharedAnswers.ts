import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { CatalogAnswer } from './CatalogReadCache';

/** How a kept answer is written to the shared store: JSON, body in base64. */
type SharedEntry = {
  /** Wall-clock milliseconds when the catalog began computing the answer. */
  bornAt: number;
  headers: CatalogAnswer['headers'];
  body: string;
};

/** An answer another replica (or this one) put in the shared store. */
export interface SharedAnswer {
  answer: CatalogAnswer;
  /** Milliseconds since the catalog began computing it. */
  ageMs: number;
}

/**
 * A shared store call slower than this counts as a failure: a replica
 * answers from its own cache rather than wait on an unreachable store
 * (the Redis client queues commands while it reconnects, for ever).
 */
const STORE_TIMEOUT_MS = 250;

/** After a failure, the store is left alone this long before it is tried again. */
const RETRY_AFTER_MS = 5_000;

const GENERATION_KEY = 'read-cache:v1:generation';

/** The generation key outlives every answer by far; it only has to go some day. */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The read cache's second tier, in Backstage's cache service (Redis where
 * `backend.cache.store` says so), shared by every replica of the backend.
 *
 * Every answer is kept under the current *generation*, a random id in the
 * same store that a write through any replica replaces: after that no
 * replica finds an answer begun before the write. Each answer carries the
 * wall-clock time the catalog began computing it and expires in the store
 * when `maxAgeMs` have passed since then, so no replica serves it past the
 * bound either.
 *
 * The store is a speed-up, never a dependency: a call that fails or takes
 * longer than {@link STORE_TIMEOUT_MS} is answered as "nothing shared", the
 * store is left alone for {@link RETRY_AFTER_MS}, and the outage is logged
 * once (the error text without credentials).
 */
export class SharedAnswers {
  private readonly wallNow: () => number;
  private downUntil = 0;
  private down = false;
  private lookup?: Promise<string | undefined>;
  private nextLookup?: Promise<string | undefined>;
  /** The generation last read or written, and when that lookup was sent. */
  private known?: { generation: string; atMs: number };

  constructor(
    private readonly deps: {
      cache: CacheService;
      logger: LoggerService;
      maxAgeMs: number;
      /**
       * How long the generation last read is used before it is read again
       * (0: read on every call). Default 0.
       */
      followWithinMs?: number;
      /** Wall-clock milliseconds, comparable across replicas; tests move it. */
      wallNow?: () => number;
      timeoutMs?: number;
    },
  ) {
    this.wallNow = deps.wallNow ?? Date.now;
  }

  /**
   * The current generation, read from the store by a lookup sent after this
   * call began (so a write that ended before it is seen); undefined when the
   * store cannot be reached. Calls made while a lookup is on its way share
   * the next one, so a busy replica asks at most once per round trip.
   */
  generation(): Promise<string | undefined> {
    const followWithinMs = this.deps.followWithinMs ?? 0;
    const known = this.known;
    if (known && this.wallNow() - known.atMs < followWithinMs) {
      return Promise.resolve(known.generation);
    }
    // One lookup at a time, so that their answers arrive in the order sent
    // and a replica never goes back to a generation it has left.
    if (this.nextLookup) return this.nextLookup;
    if (!this.lookup) return this.startLookup();
    const next = this.lookup.then(() => {
      if (this.nextLookup === next) this.nextLookup = undefined;
      return this.startLookup();
    });
    this.nextLookup = next;
    return next;
  }

  /**
   * Starts a new generation: every answer kept so far, on every replica, is
   * no longer found. Resolves once the store has it (or has failed).
   */
  async renew(): Promise<void> {
    const generation = randomUUID();
    const atMs = this.wallNow();
    const written = await this.guarded(async () => {
      await this.deps.cache.set(GENERATION_KEY, generation, {
        ttl: GENERATION_TTL_MS,
      });
      return true;
    });
    // This replica follows its own write at once.
    if (written) this.known = { generation, atMs };
  }

  /** A kept answer of `generation` younger than `youngerThanMs`, if any. */
  async get(
    generation: string,
    key: string,
    youngerThanMs: number,
  ): Promise<SharedAnswer | undefined> {
    const entry = await this.guarded(() =>
      this.deps.cache.get<JsonObject>(answerKey(generation, key)),
    );
    if (!isSharedEntry(entry)) return undefined;
    const ageMs = Math.max(0, this.wallNow() - entry.bornAt);
    if (ageMs >= Math.min(youngerThanMs, this.deps.maxAgeMs)) return undefined;
    return {
      answer: {
        body: Buffer.from(entry.body, 'base64'),
        headers: entry.headers,
      },
      ageMs,
    };
  }

  /** Keeps `answer`, `ageMs` old, until it reaches `maxAgeMs`. */
  async put(
    generation: string,
    key: string,
    answer: CatalogAnswer,
    ageMs: number,
  ): Promise<void> {
    // Redis takes whole milliseconds only (a fraction fails the SET);
    // rounding down keeps the store's copy inside the bound.
    const ttl = Math.floor(this.deps.maxAgeMs - ageMs);
    if (ttl <= 0) return;
    const entry: SharedEntry = {
      bornAt: this.wallNow() - ageMs,
      headers: answer.headers,
      body: answer.body.toString('base64'),
    };
    await this.guarded(() =>
      this.deps.cache.set(answerKey(generation, key), entry, { ttl }),
    );
  }

  private startLookup(): Promise<string | undefined> {
    // Timed from when it is sent: every write ended before then is in it.
    const atMs = this.wallNow();
    const lookup = this.guarded(async () => {
      const stored = await this.deps.cache.get(GENERATION_KEY);
      // No generation yet (a new store): every replica reads the same ''.
      const generation = typeof stored === 'string' ? stored : '';
      if (!this.known || this.known.atMs <= atMs) {
        this.known = { generation, atMs };
      }
      return generation;
    }).finally(() => {
      if (this.lookup === lookup) this.lookup = undefined;
    });
    this.lookup = lookup;
    return lookup;
  }

  private async guarded<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (this.down && Date.now() < this.downUntil) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        call(),
        new Promise<never>((_, reject) => {
          const timeoutMs = this.deps.timeoutMs ?? STORE_TIMEOUT_MS;
          // Timers run before I/O in each turn of the event loop: after a
          // busy stretch, let an answer that has already arrived go first.
          timer = setTimeout(
            () =>
              setImmediate(() =>
                reject(new Error(`no answer within ${timeoutMs} ms`)),
              ),
            timeoutMs,
          );
        }),
      ]);
      if (this.down) {
        this.down = false;
        this.deps.logger.info(
          'Catalog read cache: the shared cache store answers again; sharing answers between replicas',
        );
      }
      return result;
    } catch (error) {
      if (!this.down) {
        this.deps.logger.warn(
          `Catalog read cache: the shared cache store failed (${withoutCredentials(
            String(error),
          )}); each replica serves from its own cache until it answers again`,
        );
      }
      this.down = true;
      this.downUntil = Date.now() + RETRY_AFTER_MS;
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

function isSharedEntry(value: JsonObject | undefined): value is SharedEntry {
  return (
    typeof value?.bornAt === 'number' &&
    typeof value.body === 'string' &&
    Array.isArray(value.headers)
  );
}

function answerKey(generation: string, key: string) {
  return `read-cache:v1:${generation}:${key}`;
}

/** Drops the user and password of any URL in `text` (`redis://:secret@host`). */
export function withoutCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
}
