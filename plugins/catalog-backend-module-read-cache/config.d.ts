import { HumanDuration } from '@backstage/types';

export interface Config {
  catalog?: {
    /**
     * A short-lived in-memory cache in front of the catalog's hot read
     * endpoints (entity by name, the list query, by-refs, facets). Only
     * callers whose read permission is an unconditional allow are served
     * from it; everyone else is answered by the catalog itself.
     */
    readCache?: {
      /** On by default; false sends every request to the catalog as before. */
      enabled?: boolean;
      /**
       * The freshness bound: a cached answer is never served once this much
       * time has passed since the catalog began computing it. Also how long
       * a user's permission decision is reused. Default 2 seconds.
       */
      maxAge?: HumanDuration | string;
      /** How many answers are kept at most (least recently used go first). Default 1000. */
      maxEntries?: number;
      /** Answers larger than this many bytes are never kept. Default 1 MiB. */
      maxEntryBytes?: number;
      /** All kept answers together never exceed this many bytes. Default 64 MiB. */
      maxTotalBytes?: number;
      /**
       * Whether replicas share their answers through Backstage's cache
       * service (Redis in the Helm chart), as a second tier behind each
       * replica's own cache; a write through any replica then empties the
       * cache of all. Default: true when `backend.cache.store` is a shared
       * store (anything but `memory`).
       */
      shared?: boolean;
      /**
       * With `shared`: how long a replica goes on with the write generation
       * it last read from the store before reading it again, so that a hit
       * costs no round trip. A write through another replica reaches this
       * replica's reads within this long; a write through itself, at once.
       * Zero reads it on every read. Default 100 ms (at most half `maxAge`).
       */
      followWithin?: HumanDuration | string;
    };
  };
}
