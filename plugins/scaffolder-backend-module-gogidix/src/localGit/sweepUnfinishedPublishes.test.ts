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
      taskStatus: async taskId => statuses[taskId],
    });

  beforeEach(() => {
    root = tempDir('sweep-root-');
    repositories = new LocalGitRepositories(root, BASE);
    registered.clear();
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
});
