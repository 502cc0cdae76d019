import { spawnSync } from 'node:child_process';

/** The machine's Redis, which the shared-tier tests run against. */
export const REDIS_URL = 'redis://127.0.0.1:6379';

/** Asked once, synchronously, so that a suite can be skipped by name. */
const reachable =
  spawnSync(
    process.execPath,
    [
      '-e',
      "require('net').connect(6379, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))",
    ],
    { timeout: 5_000 },
  ).status === 0;

if (!reachable) {
  if (process.env.PORTAL_REQUIRE_REDIS === '1') {
    throw new Error(
      `Redis is required (PORTAL_REQUIRE_REDIS=1) but nothing answers at ${REDIS_URL}; start it (Debian: service redis-server start)`,
    );
  }
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED: no Redis at ${REDIS_URL}; the shared read cache tests need a real one`,
  );
}

/**
 * `describe` when Redis answers; otherwise skipped with the line above, or,
 * with PORTAL_REQUIRE_REDIS=1 (scripts/test.sh), failed.
 */
export const describeWithRedis = reachable ? describe : describe.skip;
