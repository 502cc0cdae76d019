import { Client } from 'pg';

/**
 * How far a catalog has got with what it was given, read from its own
 * tables so that the portal and stock Backstage are judged by the same rule.
 */
export interface CatalogProgress {
  /** Entities the catalog knows of (refresh_state rows). */
  known: number;
  /** Known entities not yet processed once (no result hash yet). */
  unprocessed: number;
  /** Entities waiting in the stitch queue. */
  stitchPending: number;
  /** Entities with a final, stitched body that reads can serve. */
  stitched: number;
}

/**
 * "Ingested" means: at least `expected` entities are known, every one has
 * been processed, the stitch queue is empty and every known entity has a
 * stitched final body. An entity processed after its relations' targets are
 * re-queued for stitching, so an empty queue means the relations are in place.
 */
export function isIngested(progress: CatalogProgress, expected: number) {
  return (
    progress.known >= expected &&
    progress.unprocessed === 0 &&
    progress.stitchPending === 0 &&
    progress.stitched >= progress.known
  );
}

export async function readCatalogProgress(
  client: Client,
): Promise<CatalogProgress> {
  const { rows } = await client.query(`
    SELECT
      (SELECT count(*) FROM refresh_state) AS known,
      (SELECT count(*) FROM refresh_state
        WHERE result_hash IS NULL OR length(result_hash) < 15) AS unprocessed,
      (SELECT count(*) FROM stitch_queue) AS stitch_pending,
      (SELECT count(*) FROM final_entities
        WHERE final_entity IS NOT NULL) AS stitched`);
  const row = rows[0];
  return {
    known: Number(row.known),
    unprocessed: Number(row.unprocessed),
    stitchPending: Number(row.stitch_pending),
    stitched: Number(row.stitched),
  };
}

/**
 * Polls the catalog's database every `pollMs` until `expected` entities are
 * ingested, and returns the elapsed time from `startedAt` (ms since epoch).
 */
export async function waitUntilIngested(options: {
  connectionString: string;
  expected: number;
  startedAt: number;
  timeoutMs: number;
  pollMs?: number;
  onProgress?: (progress: CatalogProgress) => void;
}): Promise<number> {
  const client = new Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    const deadline = options.startedAt + options.timeoutMs;
    let lastReport = 0;
    for (;;) {
      const progress = await readCatalogProgress(client).catch(() => undefined);
      const now = Date.now();
      if (progress && isIngested(progress, options.expected)) {
        return now - options.startedAt;
      }
      if (progress && now - lastReport > 10_000) {
        options.onProgress?.(progress);
        lastReport = now;
      }
      if (now > deadline) {
        throw new Error(
          `The catalog did not ingest ${options.expected} entities within ${
            options.timeoutMs / 1000
          } s: ${JSON.stringify(progress)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, options.pollMs ?? 250));
    }
  } finally {
    await client.end();
  }
}
