import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';

import {
  isValidFilePath,
  isValidRef,
  LocalGitLocation,
  PublishedRepository,
  SEGMENT,
  UnfinishedPublish,
} from './locations';

export { isValidRef } from './locations';
export type {
  LocalGitLocation,
  PublishedRepository,
  UnfinishedPublish,
} from './locations';

const run = promisify(execFile);

/**
 * Kept inside a new repository until the catalog has stored its
 * registration; names the scaffolder task that published it.
 */
const PENDING_REGISTRATION = 'gogidix-pending-registration.json';
/** A publish builds its repository in `<root>/.staging-<taskId>.<random>`. */
const STAGING_PREFIX = '.staging-';

/**
 * Bare git repositories in one folder on this machine, addressed by URLs
 * under a configured base. New repositories appear all at once: they are
 * built under a temporary name and renamed into place, so a failed publish
 * never leaves a half-made repository behind. Until its registration is
 * stored, a new repository carries a marker naming its task, so that what a
 * killed process left behind can be found and cleared (`unfinished`).
 */
export class LocalGitRepositories {
  constructor(
    private readonly root: string,
    readonly baseUrl: string,
    private readonly logger?: LoggerService,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  repositoryPath(owner: string, name: string): string {
    for (const [field, value] of [
      ['owner', owner],
      ['name', name],
    ]) {
      if (!SEGMENT.test(value)) {
        throw new InputError(
          `Repository ${field} "${value}" is not valid: use lower-case letters, digits and dashes, starting and ending with a letter or digit`,
        );
      }
    }
    return path.join(this.root, owner, `${name}.git`);
  }

  urlFor(owner: string, name: string, kind: 'blob' | 'tree', filePath = '') {
    const suffix = filePath ? `/${filePath}` : '';
    return `${this.baseUrl}/${owner}/${name}/${kind}/main${suffix}`;
  }

  /** Reads `<baseUrl>/<owner>/<name>/(blob|tree)/<ref>/<path>`. */
  parseUrl(url: string): LocalGitLocation | undefined {
    if (!url.startsWith(`${this.baseUrl}/`)) {
      return undefined;
    }
    const rest = decodeURIComponent(url.slice(this.baseUrl.length + 1))
      .split(/[?#]/)[0]
      .replace(/\/+$/, '');
    const match = rest.match(
      /^([^/]+)\/([^/]+)\/(?:blob|tree)\/([^/]+)(?:\/(.*))?$/,
    );
    if (!match) {
      throw new InputError(
        `${url} is not a file or folder of a local repository: expected ${this.baseUrl}/<owner>/<name>/blob/main/<path>`,
      );
    }
    const [, owner, name, ref, filePath = ''] = match;
    if (!isValidRef(ref)) {
      throw new InputError(
        `"${ref}" in ${owner}/${name} is not a branch, tag or commit name`,
      );
    }
    if (!isValidFilePath(filePath)) {
      throw new InputError(
        `${url} must not contain "." or ".." or empty segments, nor control characters`,
      );
    }
    return { owner, name, ref, filePath };
  }

  async exists(owner: string, name: string): Promise<boolean> {
    return fs
      .stat(this.repositoryPath(owner, name))
      .then(() => true)
      .catch(() => false);
  }

  /**
   * Commits the contents of `sourceDir` as the first commit of a new
   * repository `<owner>/<name>`. Refuses if the repository exists.
   */
  async publish(options: {
    owner: string;
    name: string;
    sourceDir: string;
    author: { name: string; email: string };
    message: string;
    /** The scaffolder task publishing, recorded until registration. */
    taskId: string;
  }): Promise<PublishedRepository> {
    const { owner, name, sourceDir, author, message, taskId } = options;
    const finalPath = this.repositoryPath(owner, name);
    if (!/^[A-Za-z0-9-]+$/.test(taskId)) {
      throw new InputError(`Task id "${taskId}" is not a scaffolder task id`);
    }
    if (await this.exists(owner, name)) {
      throw new ConflictError(
        `A repository ${owner}/${name} already exists; choose another service name`,
      );
    }
    await fs.mkdir(path.dirname(finalPath), { recursive: true });
    const staging = path.join(
      this.root,
      `${STAGING_PREFIX}${taskId}.${randomBytes(4).toString('hex')}`,
    );
    const bare = path.join(staging, 'repo.git');
    const work = path.join(staging, 'work');
    const marker = JSON.stringify({ taskId });
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    };
    try {
      await fs.mkdir(staging);
      await run('git', ['init', '--quiet', '--bare', '-b', 'main', '--', bare]);
      await fs.writeFile(path.join(bare, PENDING_REGISTRATION), marker);
      await fs.cp(sourceDir, work, { recursive: true });
      const git = (...args: string[]) => run('git', args, { cwd: work, env });
      await git('init', '--quiet', '-b', 'main');
      await git('add', '--all');
      await git('commit', '--quiet', '--no-verify', '-m', message);
      await git('push', '--quiet', '--end-of-options', bare, 'main');
      const { stdout } = await git('rev-parse', 'HEAD');
      // rename() fails if another publish won the race for the same name.
      await fs.rename(bare, finalPath).catch(error => {
        throw new ConflictError(
          `A repository ${owner}/${name} was created while publishing; nothing of this run was kept`,
          error,
        );
      });
      return {
        remoteUrl: finalPath,
        repoContentsUrl: this.urlFor(owner, name, 'tree'),
        catalogInfoUrl: this.urlFor(owner, name, 'blob', 'catalog-info.yaml'),
        commitHash: stdout.trim(),
      };
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }

  /** Records that the catalog stored the repository's registration. */
  async markRegistered(owner: string, name: string): Promise<void> {
    await fs.rm(
      path.join(this.repositoryPath(owner, name), PENDING_REGISTRATION),
      { force: true },
    );
  }

  /**
   * Staging folders and unregistered repositories, with their tasks;
   * staging folders first, whatever order the directory lists them in.
   */
  async unfinished(): Promise<UnfinishedPublish[]> {
    const staging: UnfinishedPublish[] = [];
    const found: UnfinishedPublish[] = [];
    const entries = await fs
      .readdir(this.root, { withFileTypes: true })
      .catch(() => []);
    for (const entry of entries.filter(e => e.isDirectory())) {
      if (entry.name.startsWith(STAGING_PREFIX)) {
        const taskId = entry.name
          .slice(STAGING_PREFIX.length)
          .replace(/\.[^.]*$/, '');
        staging.push({ kind: 'staging', folder: entry.name, taskId });
        continue;
      }
      const repos = await fs.readdir(path.join(this.root, entry.name));
      for (const repo of repos.filter(r => r.endsWith('.git'))) {
        const taskId = await readMarker(
          path.join(this.root, entry.name, repo),
        ).catch(() => undefined);
        if (taskId !== undefined) {
          const name = repo.slice(0, -'.git'.length);
          found.push({ kind: 'repository', owner: entry.name, name, taskId });
        }
      }
    }
    return [...staging, ...found];
  }

  /** Removes a staging folder left by a publish that died. */
  async removeStaging(folder: string): Promise<void> {
    if (!folder.startsWith(STAGING_PREFIX) || folder.includes('/')) {
      throw new InputError(`${folder} is not a staging folder`);
    }
    await fs.rm(path.join(this.root, folder), {
      recursive: true,
      force: true,
    });
  }

  /** Removes a published repository (used to undo a publish whose registration failed). */
  async remove(owner: string, name: string): Promise<void> {
    await fs.rm(this.repositoryPath(owner, name), {
      recursive: true,
      force: true,
    });
  }

  async readFile(location: LocalGitLocation): Promise<Buffer> {
    const repo = await this.openRepository(location);
    try {
      const { stdout } = await run(
        'git',
        [
          '--git-dir',
          repo,
          'show',
          '--end-of-options',
          `${location.ref}:${location.filePath}`,
        ],
        { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      );
      return stdout;
    } catch (error) {
      this.logFailure('show', location, error);
      throw new NotFoundError(
        `${location.filePath} not found in ${location.owner}/${location.name} at ${location.ref}`,
      );
    }
  }

  /** A tar stream of a folder of the repository, paths relative to that folder. */
  async archive(location: LocalGitLocation): Promise<Readable> {
    const repo = await this.openRepository(location);
    const treeish = location.filePath
      ? `${location.ref}:${location.filePath}`
      : location.ref;
    const { stdout } = await run(
      'git',
      [
        '--git-dir',
        repo,
        'archive',
        '--format=tar',
        '--end-of-options',
        treeish,
      ],
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
    ).catch(error => {
      this.logFailure('archive', location, error);
      throw new NotFoundError(
        `${location.filePath || '/'} not found in ${location.owner}/${
          location.name
        } at ${location.ref}`,
      );
    });
    return Readable.from([stdout]);
  }

  async headCommit(location: LocalGitLocation): Promise<string> {
    const repo = await this.openRepository(location);
    const { stdout } = await run('git', [
      '--git-dir',
      repo,
      'rev-parse',
      '--verify',
      '--end-of-options',
      `${location.ref}^{commit}`,
    ]).catch(error => {
      this.logFailure('rev-parse', location, error);
      throw new NotFoundError(
        `${location.owner}/${location.name} has no branch, tag or commit "${location.ref}"`,
      );
    });
    return stdout.trim();
  }

  /**
   * The detail of a failed git command stays in the log: its command line
   * names folders on the server. Git's own message, without the command.
   */
  private logFailure(
    command: string,
    location: LocalGitLocation,
    error: unknown,
  ) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '')
      .split(this.root)
      .join('<git root>')
      .trim();
    this.logger?.warn(
      `git ${command} failed for ${location.owner}/${location.name} at ${location.ref}: ${stderr}`,
    );
  }

  private async openRepository(location: LocalGitLocation) {
    const repo = this.repositoryPath(location.owner, location.name);
    if (!(await this.exists(location.owner, location.name))) {
      throw new NotFoundError(
        `No repository ${location.owner}/${location.name} on this machine`,
      );
    }
    return repo;
  }
}

/** The task id in a repository's pending-registration marker. */
async function readMarker(folder: string): Promise<string> {
  const text = await fs.readFile(
    path.join(folder, PENDING_REGISTRATION),
    'utf8',
  );
  return String(JSON.parse(text).taskId ?? '');
}
