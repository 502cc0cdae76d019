import { HumanDuration } from '@backstage/types';

export interface Config {
  gogidix?: {
    auth?: {
      /**
       * Verified callers' credentials kept in memory, so that a caller's
       * token is checked once and not on every request
       * (docs/performance.md, "Verified token cache").
       */
      verifiedTokenCache?: {
        /** On by default; false verifies every request's token as before. */
        enabled?: boolean;
        /** How many verified tokens are kept at most (least recently used go first). Default 10000. */
        maxEntries?: number;
        /**
         * The longest a verification is reused, even when the token lives
         * longer (static access tokens have no expiry at all). Default 1 minute.
         */
        maxAge?: HumanDuration | string;
      };
    };
  };
}
