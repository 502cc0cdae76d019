import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { e2e } from '../support/environment';
import { dropDatabases } from '../support/portal';
import {
  get,
  post,
  privatePostgresUrl,
  reliability,
  Replica,
  startReplica,
  stopReplica,
} from './support';

test('a scaffolder run killed mid-publish ends failed and leaves no half-published repository', async () => {
  const prefix = `rel_task_${Date.now()}_`;
  const gitRoot = path.join(reliability.dataDir, prefix, 'git');
  const name = `interrupted-${Date.now().toString(36)}`;
  const repository = path.join(gitRoot, 'listings', `${name}.git`);
  let replica: Replica | undefined;
  try {
    replica = await startReplica({
      name: 'a',
      databasePrefix: prefix,
      gitRoot,
    });
    const first = replica;
    for (const ref of [
      'template/default/typescript-service',
      'group/default/listings',
      'system/default/property-marketplace',
    ]) {
      await expect
        .poll(
          async () =>
            (
              await get(first, `/api/catalog/entities/by-name/${ref}`)
            ).status,
          { timeout: 120_000, message: `${ref} in the catalog` },
        )
        .toBe(200);
    }

    // Kill the backend the moment the repository is renamed into place:
    // published, not yet registered, the worst point to die.
    fs.mkdirSync(path.dirname(repository), { recursive: true });
    const killed = new Promise<void>(resolve => {
      const watcher = fs.watch(path.dirname(repository), (_event, file) => {
        if (file === `${name}.git` && fs.existsSync(repository)) {
          first.process.kill('SIGKILL');
          watcher.close();
          resolve();
        }
      });
    });
    const values = {
      ...JSON.parse(
        fs.readFileSync(
          path.join(e2e.repoRoot, 'templates/_shared/example-answers.json'),
          'utf8',
        ),
      ),
      name,
      language: 'typescript',
      nodeVersion: '22',
    };
    const created = await post(first, '/api/scaffolder/v2/tasks', {
      templateRef: 'template:default/typescript-service',
      values,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const taskId: string = created.body.id;
    await Promise.race([
      killed,
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error('the run never reached its publish step')),
          180_000,
        ),
      ),
    ]);
    await new Promise(resolve => first.process.once('exit', resolve));
    const leftAtKill = {
      repository: fs.existsSync(repository),
      pendingMarker: fs.existsSync(
        path.join(repository, 'gogidix-pending-registration.json'),
      ),
    };
    console.log('Left behind by the kill:', leftAtKill);

    replica = await startReplica({
      name: 'a',
      databasePrefix: prefix,
      gitRoot,
    });
    const second = replica;
    const startedAt = Date.now();
    await expect
      .poll(
        async () =>
          (
            await get(second, `/api/scaffolder/v2/tasks/${taskId}`)
          ).body.status,
        { timeout: 120_000, intervals: [1_000] },
      )
      .toBe('failed');
    const failedAfterMs = Date.now() - startedAt;

    // Then the repository is either gone, or complete and registered.
    const location = async () =>
      (
        await get(
          second,
          `/api/catalog/locations/by-ref/${encodeURIComponent(
            `url:https://git.portal.localhost/listings/${name}/blob/main/catalog-info.yaml`,
          )}`,
        )
      ).status;
    await expect
      .poll(
        async () =>
          !fs.existsSync(repository) ||
          (!fs.existsSync(
            path.join(repository, 'gogidix-pending-registration.json'),
          ) &&
            (await location()) === 200),
        { timeout: 60_000, intervals: [1_000] },
      )
      .toBe(true);
    const clearedAfterMs = Date.now() - startedAt;
    const outcome = fs.existsSync(repository)
      ? 'complete and registered'
      : 'removed';
    console.log(
      `Task ${taskId} failed ${failedAfterMs} ms after the restart; repository ${outcome} after ${clearedAfterMs} ms`,
    );
    test.info().annotations.push({
      type: 'interrupted run',
      description: JSON.stringify({
        leftAtKill,
        failedAfterMs,
        clearedAfterMs,
        outcome,
      }),
    });
    expect(
      fs.readdirSync(gitRoot).filter(f => f.startsWith('.staging-')),
      'staging folders',
    ).toEqual([]);
    if (outcome === 'removed') {
      expect(
        (
          await get(
            second,
            `/api/catalog/entities/by-name/component/default/${name}`,
          )
        ).status,
      ).toBe(404);
    }
  } finally {
    await stopReplica(replica);
    await dropDatabases(prefix, privatePostgresUrl());
  }
});
