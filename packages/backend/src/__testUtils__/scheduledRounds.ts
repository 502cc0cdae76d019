import { eventually } from '@gogidix/test-kit';
import request from 'supertest';

/**
 * Asks a plugin's scheduler to run one of its tasks now, through the route
 * Backstage's scheduler service mounts on every plugin
 * (`/.backstage/scheduler/v1/tasks/:id/trigger`). A task that is running
 * answers 409; this asks again until the task is idle and takes the
 * trigger, so the run it starts reads what is there now. Returns when the
 * trigger was taken.
 */
export async function runTaskNow(
  server: string,
  token: string,
  pluginId: string,
  taskId: string,
  timeoutMs = 120_000,
): Promise<Date> {
  return eventually(
    async () => {
      const at = new Date();
      const res = await request(server)
        .post(
          `/api/${pluginId}/.backstage/scheduler/v1/tasks/${taskId}/trigger`,
        )
        .auth(token, { type: 'bearer' });
      if (res.status === 200) return at;
      if (res.status === 409) return undefined;
      throw new Error(
        `triggering ${pluginId}'s task ${taskId} answered ${
          res.status
        }: ${JSON.stringify(res.body)}`,
      );
    },
    { what: `${pluginId}'s task ${taskId} taking a trigger`, timeoutMs },
  );
}

/**
 * An SLO evaluation and then a compliance round, run now rather than at
 * their start-up delays. Call it once the catalog holds what the rounds
 * read (the rounds read the catalog as it is when they start); it returns
 * when the SLO summary has SLOs and a compliance round that started after
 * that has finished. `token` is a platform admin's. The backend needs a
 * `compliance.firstRoundSeconds` shorter than the test's wait, or the
 * compliance worker is still in its start-up delay and takes the trigger
 * only after it (startPortalTestBackend sets 0).
 */
export async function firstRounds(
  server: string,
  token: string,
  timeoutMs = 180_000,
) {
  const get = (path: string) =>
    request(server).get(path).auth(token, { type: 'bearer' });

  await runTaskNow(server, token, 'slo', 'slo-snapshot', timeoutMs);
  await eventually(
    async () => {
      const res = await get('/api/slo/summary');
      return res.body.slos?.length > 0 ? true : undefined;
    },
    { what: 'an evaluated SLO', timeoutMs, intervalMs: 500 },
  );
  // Compliance reads the SLO plugin's answers, so it runs second.
  const triggered = await runTaskNow(
    server,
    token,
    'compliance',
    'compliance-round',
    timeoutMs,
  );
  await eventually(
    async () => {
      const { evaluatedAt } = (await get('/api/compliance/summary')).body;
      return evaluatedAt && Date.parse(evaluatedAt) >= triggered.getTime()
        ? true
        : undefined;
    },
    {
      what: 'a compliance round after the trigger',
      timeoutMs,
      intervalMs: 500,
    },
  );
}
