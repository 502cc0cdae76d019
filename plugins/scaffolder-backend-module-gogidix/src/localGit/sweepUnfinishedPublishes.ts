import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  LocalGitRepositories,
  UnfinishedPublish,
} from './LocalGitRepositories';

/** A scaffolder task's status; undefined when the task does not exist. */
export type TaskStatusReader = (taskId: string) => Promise<string | undefined>;

/** Task statuses after which the task's publish step will not go on. */
const ENDED = new Set(['completed', 'failed', 'cancelled']);

/** Reads task statuses from the scaffolder's own API, as this module. */
export function scaffolderTaskStatusReader(options: {
  discovery: DiscoveryService;
  auth: AuthService;
}): TaskStatusReader {
  const { discovery, auth } = options;
  return async taskId => {
    const baseUrl = await discovery.getBaseUrl('scaffolder');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const response = await fetch(
      `${baseUrl}/v2/tasks/${encodeURIComponent(taskId)}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()).status;
  };
}

/**
 * Clears what publishes killed mid-way left behind, once their tasks have
 * ended (the scaffolder marks a task whose process died as failed after
 * `scaffolder.taskTimeout`): staging folders are removed; a repository whose
 * registration the catalog did store is kept (it is complete), any other is
 * removed, so no repository stays without its catalog entry.
 *
 * Everything a task left is decided together, on one reading of the task's
 * status: a task that ends while the sweep runs is then either left whole
 * for the next sweep or cleared whole, never half (its repository gone and
 * its staging folder kept). Staging folders go before the repository, so a
 * repository that is gone means the run's staging is gone too.
 */
export async function sweepUnfinishedPublishes(options: {
  repositories: LocalGitRepositories;
  catalog: CatalogService;
  auth: AuthService;
  taskStatus: TaskStatusReader;
  logger: LoggerService;
}): Promise<void> {
  const { repositories, catalog, auth, taskStatus, logger } = options;
  const credentials = await auth.getOwnServiceCredentials();
  for (const [taskId, left] of byTask(await repositories.unfinished())) {
    const status = await taskStatus(taskId);
    if (status !== undefined && !ENDED.has(status)) {
      continue;
    }
    const ended = `task ${taskId} ${status ?? 'no longer exists'}`;
    for (const unfinished of left) {
      if (unfinished.kind === 'staging') {
        await repositories.removeStaging(unfinished.folder);
        logger.info(`Removed the staging folder of ${ended}`);
      }
    }
    for (const unfinished of left) {
      if (unfinished.kind !== 'repository') {
        continue;
      }
      const { owner, name } = unfinished;
      const target = repositories.urlFor(
        owner,
        name,
        'blob',
        'catalog-info.yaml',
      );
      const location = await catalog.getLocationByRef(`url:${target}`, {
        credentials,
      });
      if (location) {
        await repositories.markRegistered(owner, name);
        logger.info(`Repository ${owner}/${name} of ${ended} is registered`);
      } else {
        await repositories.remove(owner, name);
        logger.warn(
          `Removed repository ${owner}/${name}: ${ended} before registering it`,
        );
      }
    }
  }
}

/** What each task left behind, in the order `unfinished` listed it. */
function byTask(
  unfinished: UnfinishedPublish[],
): Map<string, UnfinishedPublish[]> {
  const tasks = new Map<string, UnfinishedPublish[]>();
  for (const item of unfinished) {
    tasks.set(item.taskId, [...(tasks.get(item.taskId) ?? []), item]);
  }
  return tasks;
}
