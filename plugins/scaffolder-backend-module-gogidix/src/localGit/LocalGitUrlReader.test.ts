import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotModifiedError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__testUtils__/context';
import { LocalGitRepositories, isValidRef } from './LocalGitRepositories';
import { LocalGitUrlReader } from './LocalGitUrlReader';

describe('local git repositories', () => {
  const root = tempDir('local-git-');
  const repositories = new LocalGitRepositories(root, 'https://git.test/');
  let reader: UrlReaderService;

  beforeAll(async () => {
    const source = tempDir('local-git-src-');
    fs.mkdirSync(path.join(source, 'docs/runbooks'), { recursive: true });
    fs.writeFileSync(
      path.join(source, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    fs.writeFileSync(path.join(source, 'docs/runbooks/a.md'), '# A\n');
    fs.writeFileSync(path.join(source, 'docs/runbooks/b.md'), '# B\n');
    await repositories.publish({
      owner: 'listings',
      name: 'photos',
      sourceDir: source,
      author: { name: 'Jane Doe', email: 'jane@gogidix.io' },
      message: 'first',
      taskId: 'task-1',
    });
    const config = new ConfigReader({
      gogidix: { localGit: { root, baseUrl: 'https://git.test' } },
    });
    // The same composition the backend's urlReader service uses.
    reader = UrlReaders.create({
      config,
      logger: mockServices.logger.mock(),
      factories: [LocalGitUrlReader.factory],
    });
  });

  it('reads a file by URL, with the commit as its ETag', async () => {
    const res = await reader.readUrl(
      'https://git.test/listings/photos/blob/main/catalog-info.yaml',
    );
    expect((await res.buffer()).toString()).toBe('kind: Component\n');
    await expect(
      reader.readUrl(
        'https://git.test/listings/photos/blob/main/catalog-info.yaml',
        {
          etag: res.etag,
        },
      ),
    ).rejects.toBeInstanceOf(NotModifiedError);
  });

  it.each([
    [
      'https://git.test/listings/photos/blob/main/missing.yaml',
      /missing.yaml not found/,
    ],
    [
      'https://git.test/listings/nothing/blob/main/catalog-info.yaml',
      /No repository listings\/nothing/,
    ],
    [
      'https://git.test/listings/photos/blob/main/../../secrets',
      /must not contain/,
    ],
    ['https://git.test/listings/photos', /not a file or folder/],
  ])('refuses %s with a clear reason', async (url, message) => {
    await expect(reader.readUrl(url)).rejects.toThrow(message);
  });

  it.each([
    ['blob', '--output=written-by-git', 'README.md'],
    ['blob', '--pretty=format', 'README.md'],
    ['tree', '--list', ''],
    ['blob', '-p', 'catalog-info.yaml'],
    ['blob', 'main~1', 'catalog-info.yaml'],
    ['blob', 'main:catalog-info.yaml', 'x'],
  ])(
    'refuses the ref in .../%s/%s/%s without running git',
    async (kind, ref, file) => {
      const url = `https://git.test/listings/photos/${kind}/${ref}/${file}`;
      const read = kind === 'tree' ? reader.readTree(url) : reader.readUrl(url);
      await expect(read).rejects.toThrow(
        `"${ref}" in listings/photos is not a branch, tag or commit name`,
      );
      // git writes `--output=<file>` relative to its working directory.
      const written = fs
        .readdirSync(process.cwd())
        .filter(f => f.startsWith('written-by-git'));
      written.forEach(f => fs.rmSync(f));
      expect(written).toEqual([]);
    },
  );

  it.each([
    ['blob', 'nobranch', 'catalog-info.yaml'],
    ['tree', 'nobranch', 'docs'],
  ])(
    'answers an unknown ref with a 404 that names the repository, not the server',
    async (kind, ref, file) => {
      const url = `https://git.test/listings/photos/${kind}/${ref}/${file}`;
      const read = kind === 'tree' ? reader.readTree(url) : reader.readUrl(url);
      await expect(read).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'listings/photos has no branch, tag or commit "nobranch"',
      });
      await expect(read).rejects.not.toThrow(root);
      await expect(read).rejects.not.toThrow(/git|rev-parse/);
    },
  );

  it.each([
    ['main', true],
    ['0123abcd', true],
    ['release-1.2', true],
    ['-p', false],
    ['--output=x', false],
    ['.hidden', false],
    ['a..b', false],
    ['x.lock', false],
    ['a@{1}', false],
    ['@', false],
    ['with space', false],
    ['a:b', false],
    ['', false],
  ])('treats %j as a ref: %s', (ref, valid) => {
    expect(isValidRef(ref)).toBe(valid);
  });

  it('refuses invalid names before touching the disk', () => {
    expect(() => repositories.repositoryPath('listings', '../etc')).toThrow(
      /name "..\/etc" is not valid/,
    );
  });

  it('reads a folder as a tree, paths relative to it', async () => {
    const tree = await reader.readTree(
      'https://git.test/listings/photos/tree/main/docs/runbooks',
    );
    const files = await tree.files();
    expect(files.map(f => f.path).sort()).toEqual(['a.md', 'b.md']);
    expect((await files[0].content()).toString()).toMatch(/^# [AB]/);
  });

  it('is not used for other hosts', async () => {
    await expect(
      reader.readUrl('https://git.elsewhere.test/listings/photos/blob/main/x'),
    ).rejects.toThrow();
  });
});
