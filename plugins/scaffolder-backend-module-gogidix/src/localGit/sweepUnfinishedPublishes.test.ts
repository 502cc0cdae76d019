import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from '../__testUtils__/context';
import { LocalGitRepositories } from './LocalGitRepositories';
import { sweepUnfinishedPublishes } from './sweepUnfinishedPublishes';

const BASE = 'https://git.test';

describe('sweepUnfinishedPublishes', () => {
  let root: string;
  let repositories: LocalGitRepositories;
  const registered = new Set<string>();
  const catalog = {
    getLocationByRef: jest.fn(async (ref: string) =>
      registered.has(ref) ? { id: '1', type: 'url', target: ref } : undefined,
    ),
  } as unknown as CatalogService;
  const statuses: Record<string, string> = {};
  /** Statuses a task reports on its next readings, before `statuses`. */
  const upcoming: Record<string, Array<string | undefined>> = {};

  async function publish(name: string, taskId: string) {
    const source = tempDir('sweep-src-');
    fs.writeFileSync(
      path.join(source, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    await repositories.publish({
      owner: 'listings',
      name,
      sourceDir: source,
      author: { name: 'Jane Doe', email: 'jane@gogidix.io' },
      message: 'first',
      taskId,
    });
  }

  const sweep = () =>
    sweepUnfinishedPublishes({
      repositories,
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      taskStatus: async taskId =>
        upcoming[taskId]?.length ? upcoming[taskId].shift() : statuses[taskId],
    });

  beforeEach(() => {
    root = tempDir('sweep-root-');
    repositories = new LocalGitRepositories(root, BASE);
    registered.clear();
    for (const taskId of Object.keys(upcoming)) delete upcoming[taskId];
  });

  it('leaves the publish of a running task alone', async () => {
    await publish('photos', 'task-running');
    statuses['task-running'] = 'processing';
    fs.mkdirSync(path.join(root, '.staging-task-running.ab12'));
    await sweep();
    expect(await repositories.exists('listings', 'photos')).toBe(true);
    expect(fs.existsSync(path.join(root, '.staging-task-running.ab12'))).toBe(
      true,
    );
    expect(await repositories.unfinished()).toHaveLength(2);
  });

  it('removes a repository whose task ended before registering it', async () => {
    await publish('photos', 'task-died');
    statuses['task-died'] = 'failed';
    await sweep();
    expect(await repositories.exists('listings', 'photos')).toBe(false);
    expect(await repositories.unfinished()).toEqual([]);
  });

  it('keeps a repository the catalog did register, and forgets its marker', async () => {
    await publish('photos', 'task-registered');
    statuses['task-registered'] = 'failed';
    registered.add(`url:${BASE}/listings/photos/blob/main/catalog-info.yaml`);
    await sweep();
    expect(await repositories.exists('listings', 'photos')).toBe(true);
    expect(await repositories.unfinished()).toEqual([]);
  });

  it('removes the publish of a task that no longer exists, staging folders too', async () => {
    await publish('photos', 'task-gone');
    fs.mkdirSync(path.join(root, '.staging-task-gone.cd34', 'work'), {
      recursive: true,
    });
    await sweep();
    expect(await repositories.exists('listings', 'photos')).toBe(false);
    expect(fs.readdirSync(root).filter(f => f.startsWith('.staging-'))).toEqual(
      [],
    );
  });

  it('lists staging folders before repositories, whatever the directory order', async () => {
    // A publish killed just after its rename leaves both. The directory's
    // own order depends on the file system; here names come in reverse,
    // so the owner folder comes before the staging folder.
    await publish('photos', 'task-killed');
    fs.mkdirSync(path.join(root, '.staging-task-killed.ab12', 'work'), {
      recursive: true,
    });
    const readdir = fsPromises.readdir;
    const ownersFirst = jest
      .spyOn(fsPromises, 'readdir')
      .mockImplementation((async (folder: string, options: unknown) => {
        const entries = (await (readdir as Function)(folder, options)) as Array<
          string | fs.Dirent
        >;
        const nameOf = (e: string | fs.Dirent) =>
          typeof e === 'string' ? e : e.name;
        return entries.sort((a, b) => (nameOf(a) < nameOf(b) ? 1 : -1));
      }) as unknown as typeof fsPromises.readdir);
    try {
      const kinds = (await repositories.unfinished()).map(u => u.kind);
      expect(kinds).toEqual(['staging', 'repository']);
    } finally {
      ownersFirst.mockRestore();
    }
  });

  it('finds nothing to do after a publish that registered normally', async () => {
    await publish('photos', 'task-ok');
    await repositories.markRegistered('listings', 'photos');
    expect(await repositories.unfinished()).toEqual([]);
  });

  /*
   * What a publish killed at each of its steps leaves on disk: the staging
   * folder as it is built, the rename into place, the staging folder's
   * removal, the catalog registration and the marker's removal. Built here
   * step by step, so that every point is reached, not only those a real kill
   * happens to hit.
   */
  const taskId = 'task-killed';
  const staging = () => path.join(root, `.staging-${taskId}.ab12`);
  const killedAt: Record<string, () => Promise<void>> = {
    'staging folder made': async () => {
      fs.mkdirSync(staging());
    },
    'bare repository and marker in the staging folder': async () => {
      fs.mkdirSync(path.join(staging(), 'repo.git'), { recursive: true });
      fs.writeFileSync(
        path.join(staging(), 'repo.git', 'gogidix-pending-registration.json'),
        JSON.stringify({ taskId }),
      );
      fs.mkdirSync(path.join(staging(), 'work'));
    },
    'renamed into place, staging folder left': async () => {
      await publish('photos', taskId);
      fs.mkdirSync(path.join(staging(), 'work'), { recursive: true });
    },
    'staging folder half removed': async () => {
      await publish('photos', taskId);
      fs.mkdirSync(staging());
    },
    'published, not registered': async () => {
      await publish('photos', taskId);
    },
    'registered, marker left': async () => {
      await publish('photos', taskId);
      registered.add(`url:${BASE}/listings/photos/blob/main/catalog-info.yaml`);
    },
  };

  /** The task's statuses, one a reading, as sweeps read them. */
  const histories: Record<string, Array<string | undefined>> = {
    'failed before the sweep': ['failed'],
    'gone before the sweep': [undefined],
    'failed while a sweep ran': ['processing', 'failed'],
    'cancelled after a first sweep': ['processing', 'processing', 'cancelled'],
  };

  const cases = Object.keys(killedAt).flatMap(point =>
    Object.keys(histories).map(history => [point, history] as const),
  );

  it.each(cases)(
    'killed at "%s", task %s: nothing of the run is left half',
    async (point, history) => {
      await killedAt[point]();
      upcoming[taskId] = [...histories[history]];
      statuses[taskId] = histories[history].at(-1) as string;
      const stagingLeft = () =>
        fs.readdirSync(root).filter(f => f.startsWith('.staging-'));
      const problems: string[] = [];
      const published = await repositories.exists('listings', 'photos');
      for (let round = 1; round <= histories[history].length; round++) {
        await sweep();
        // What the e2e journey and a person see between two sweeps: a
        // repository that is gone takes its staging folder with it.
        if (
          published &&
          !(await repositories.exists('listings', 'photos')) &&
          stagingLeft().length
        ) {
          problems.push(
            `after sweep ${round}: repository removed, staging ${stagingLeft()} left`,
          );
        }
      }
      const kept = await repositories.exists('listings', 'photos');
      const end = {
        staging: stagingLeft(),
        repository: kept,
        unfinished: await repositories.unfinished(),
      };
      expect({ problems, ...end }).toEqual({
        problems: [],
        staging: [],
        repository: point === 'registered, marker left',
        unfinished: [],
      });
    },
  );
});
