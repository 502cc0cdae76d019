import { expect, test } from '@playwright/test';
import path from 'node:path';
import { dropDatabases } from '../support/portal';
import {
  counterByLabel,
  get,
  PrivatePostgres,
  privatePostgresUrl,
  reliability,
  Replica,
  sleep,
  startReplica,
  stopReplica,
} from './support';

/** Reads that need the database: the catalog and our plugins. */
const READS = [
  '/api/catalog/entities/by-name/component/default/api-gateway',
  '/api/catalog/entities/by-query?limit=20',
  '/api/slo/summary',
  '/api/cost/overview?days=30&team=listings',
];
const DOWN_MS = 15_000;
const RECOVERY_BOUND_MS = 60_000;

async function allAnswer(replica: Replica) {
  const results = await Promise.all(READS.map(p => get(replica, p)));
  return results.every(r => r.status === 200);
}

test('a PostgreSQL restart mid-run is survived without restarting the portal', async () => {
  const prefix = `rel_pgrestart_${Date.now()}_`;
  const postgres = PrivatePostgres.started();
  let replica: Replica | undefined;
  try {
    replica = await startReplica({
      name: 'a',
      databasePrefix: prefix,
      gitRoot: path.join(reliability.dataDir, prefix, 'git'),
    });
    const r = replica;
    await expect.poll(() => allAnswer(r), { timeout: 120_000 }).toBe(true);

    // Requests keep coming while the database goes away and comes back.
    const seen: { at: number; status: number | string }[] = [];
    let loading = true;
    const load = (async () => {
      while (loading) {
        for (const apiPath of READS) {
          const status = await get(r, apiPath).then(
            res => res.status,
            error => `no answer: ${error.cause?.code ?? error.message}`,
          );
          seen.push({ at: Date.now(), status });
        }
        await sleep(100);
      }
    })();

    await sleep(2_000);
    const stoppedAt = Date.now();
    postgres.stop();
    await sleep(DOWN_MS);
    const downStatuses = seen.filter(s => s.at > stoppedAt + 1_000);
    postgres.start();
    const startedAt = Date.now();
    const completedBefore = await counterByLabel(
      r,
      'backend_tasks_task_runs_count_total',
      'taskId',
      { result: 'completed' },
    );

    await expect
      .poll(() => allAnswer(r), {
        timeout: RECOVERY_BOUND_MS,
        intervals: [500],
      })
      .toBe(true);
    const recoveredMs = Date.now() - startedAt;
    loading = false;
    await load;

    // A scheduled job writes again: the search index and the scheduler's
    // own claims (a run completes only after its claim is stored).
    await expect
      .poll(
        async () =>
          (
            await counterByLabel(
              r,
              'backend_tasks_task_runs_count_total',
              'taskId',
              { result: 'completed' },
            )
          ).get('search_index_software_catalog') ?? 0,
        { timeout: 60_000 },
      )
      .toBeGreaterThan(
        completedBefore.get('search_index_software_catalog') ?? 0,
      );

    const byStatus: Record<string, number> = {};
    for (const s of downStatuses) {
      byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    }
    console.log(
      `While PostgreSQL was down: ${JSON.stringify(
        byStatus,
      )}; all reads answered 200 again ${recoveredMs} ms after it started`,
    );
    test.info().annotations.push({
      type: 'down / recovery',
      description: JSON.stringify({ byStatus, recoveredMs }),
    });
    // The process stayed up and answered every request while the database
    // was away: an HTTP error, never a dropped connection.
    expect(r.process.exitCode).toBeNull();
    expect(downStatuses.length).toBeGreaterThan(0);
    expect(
      downStatuses.filter(s => typeof s.status !== 'number'),
      'requests without an HTTP answer',
    ).toEqual([]);
    expect(
      downStatuses.filter(s => s.status !== 503 && s.status !== 200),
      'answers other than 503 (or 200 from what needs no database)',
    ).toEqual([]);
  } finally {
    await stopReplica(replica);
    await dropDatabases(prefix, privatePostgresUrl());
  }
});
