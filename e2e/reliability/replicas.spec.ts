import { expect, test } from '@playwright/test';
import path from 'node:path';
import { dropDatabases } from '../support/portal';
import {
  counterByLabel,
  get,
  privatePostgresUrl,
  reliability,
  Replica,
  sleep,
  startReplica,
  stopReplica,
} from './support';

/**
 * Global tasks of our plugins and the ones we rely on, with their cadence in
 * seconds under app-config.reliability.yaml.
 */
const TASKS: Record<string, number> = {
  'slo-snapshot': 60,
  'slo-definitions': 60,
  search_index_software_catalog: 20,
  search_index_runbook: 20,
  'gogidix-unfinished-publish-sweep': 5,
  close_stale_tasks: 5,
};
const OBSERVED_S = 60;

test('two replicas on one PostgreSQL run each scheduled job once and both serve', async () => {
  // Two start-ups, the window, then dropping two replicas' databases.
  test.setTimeout(420_000);
  const prefix = `rel_replicas_${Date.now()}_`;
  const gitRoot = path.join(reliability.dataDir, prefix, 'git');
  let a: Replica | undefined;
  let b: Replica | undefined;
  try {
    // One after the other, as a rolling update does: two processes
    // creating the same fresh databases at once race on Backstage's knex
    // migration lock, and the loser exits (docs/reliability.md).
    // No task can be scheduled before replica a starts and stores it.
    const firstPossibleStart = Date.now();
    a = await startReplica({ name: 'a', databasePrefix: prefix, gitRoot });
    b = await startReplica({ name: 'b', databasePrefix: prefix, gitRoot });
    const both = [a, b];

    // Both replicas run through a window; if both ran each round, a task
    // would run about twice as often while they do. The bound is over the
    // whole time since replica a started, not the window alone: Backstage
    // schedules a global task's next run at its previous scheduled start
    // plus the interval (or now, if that has passed), so a run delayed on
    // a busy machine is caught up with early in the next interval, and a
    // window can hold one more run than its length allows. No run starts
    // before its scheduled time, so since the first possible start there
    // are at most one per interval, plus the first.
    const before = await Promise.all(both.map(counters));
    const windowStart = Date.now();
    await sleep(OBSERVED_S * 1000);
    const after = await Promise.all(both.map(counters));
    const windowS = (Date.now() - windowStart) / 1000;
    const lifeS = (Date.now() - firstPossibleStart) / 1000;
    const delta = (i: number, key: string) =>
      (after[i].get(key) ?? 0) - (before[i].get(key) ?? 0);

    const table = Object.fromEntries(
      Object.entries(TASKS).map(([taskId, seconds]) => {
        const [ra, rb] = [0, 1].map(i => delta(i, `started ${taskId}`));
        const failed =
          delta(0, `failed ${taskId}`) + delta(1, `failed ${taskId}`);
        const sinceStart = after.reduce(
          (n, m) => n + (m.get(`started ${taskId}`) ?? 0),
          0,
        );
        const bound = Math.floor(lifeS / seconds) + 1;
        return [
          taskId,
          { a: ra, b: rb, window: ra + rb, failed, sinceStart, bound },
        ];
      }),
    );
    // The daily demo bill: once in all, since the first replica started.
    const demoLoads = after.reduce(
      (n, m) => n + (m.get('started cost-demo-load') ?? 0),
      0,
    );
    // Catalog processing claims each entity once per processing interval
    // (10-15 s here) across both replicas.
    const entities = await get(a, '/api/catalog/entities/by-query?limit=1');
    const entityCount: number = entities.body.totalItems;
    const [pa, pb] = [0, 1].map(i => delta(i, 'processed'));
    const processing = {
      a: pa,
      b: pb,
      total: pa + pb,
      entities: entityCount,
      bound: entityCount * (Math.floor(windowS / 10) + 1),
    };
    console.log(
      `Runs in a ${Math.round(
        windowS,
      )} s window, and since the start ${Math.round(lifeS)} s ago (bound):`,
      table,
      {
        demoLoads,
        processing,
      },
    );

    for (const [taskId, row] of Object.entries(table)) {
      const detail = `${taskId}: ${JSON.stringify(row)}`;
      expect(row.sinceStart, detail).toBeGreaterThanOrEqual(1);
      expect(row.sinceStart, detail).toBeLessThanOrEqual(row.bound);
      expect(row.failed, detail).toBe(0);
    }
    expect(demoLoads, 'cost-demo-load runs').toBe(1);
    expect(processing.total).toBeLessThanOrEqual(processing.bound);
    expect(processing.a, 'replica a processes entities').toBeGreaterThan(0);
    expect(processing.b, 'replica b processes entities').toBeGreaterThan(0);
    test.info().annotations.push({
      type: 'runs per task (replica a, b)',
      description: JSON.stringify({ ...table, demoLoads, processing }),
    });

    // Both replicas answer reads of the catalog and of our plugins.
    for (const replica of [a, b]) {
      for (const apiPath of [
        '/api/catalog/entities/by-name/component/default/api-gateway',
        '/api/slo/summary',
        '/api/cost/overview?days=30&team=listings',
        '/api/oncall/alerts',
      ]) {
        const { status, body } = await get(replica, apiPath);
        expect(
          status,
          `${replica.name} ${apiPath}: ${JSON.stringify(body).slice(0, 300)}`,
        ).toBe(200);
      }
    }
  } finally {
    await Promise.all([stopReplica(a), stopReplica(b)]);
    await dropDatabases(prefix, privatePostgresUrl());
  }
});

/** Scheduler runs ("started <task>", "failed <task>") and catalog processing. */
async function counters(replica: Replica): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const outcome of ['started', 'failed']) {
    const runs = await counterByLabel(
      replica,
      'backend_tasks_task_runs_count_total',
      'taskId',
      { result: outcome },
    );
    for (const [taskId, n] of runs) result.set(`${outcome} ${taskId}`, n);
  }
  const processed = await counterByLabel(
    replica,
    'catalog_processed_entities_count_total',
    'result',
  );
  result.set(
    'processed',
    [...processed.values()].reduce((x, y) => x + y, 0),
  );
  return result;
}
