import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CollectedFact, FactRetriever, factsInError } from './FactRetriever';
import {
  RepositoryFiles,
  isRepositoryFileOfInterest,
  repositoryFacts,
} from './repositoryFacts';
import { repositoryPath } from './repositoryPath';
import { RUNBOOKS_ANNOTATION } from '@gogidix/portal-common';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build']);
const MAX_DEPTH = 8;

/** Reads the files of interest under a folder on disk. */
async function readFolder(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (dir: string, depth: number) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIPPED_FOLDERS.has(entry.name)) {
          await visit(full, depth + 1);
        }
      } else if (entry.isFile() && isRepositoryFileOfInterest(relative)) {
        files.set(relative, await fs.readFile(full, 'utf8'));
      }
    }
  };
  await visit(root, 0);
  return files;
}

/**
 * The repository is the folder that holds the entity's catalog-info.yaml
 * (`backstage.io/managed-by-location`): read through UrlReader for `url:`
 * locations (GitHub, GitLab, the local git repositories the templates
 * publish to), and from disk for the demo catalog's `file:` locations,
 * which UrlReader does not serve.
 */
export class RepositoryFactRetriever implements FactRetriever {
  readonly id = 'repository';
  readonly facts = [
    { id: 'repo.ciPipeline', description: 'a CI pipeline file exists' },
    { id: 'repo.ciRunsTrivy', description: 'the CI pipeline runs Trivy' },
    {
      id: 'repo.dockerfileNonRoot',
      description: "the Dockerfile's final stage runs as a non-root USER",
    },
    {
      id: 'repo.helmMtlsStrict',
      description: 'Helm values: mesh.enabled and mesh.mtls STRICT',
    },
    {
      id: 'repo.helmNetworkPolicy',
      description: 'Helm values: a NetworkPolicy with allowed callers',
    },
    {
      id: 'repo.helmResourceLimits',
      description: 'Helm values: CPU and memory limits',
    },
    {
      id: 'repo.helmProbes',
      description: 'Helm values: liveness and readiness probes',
    },
    {
      id: 'repo.helmVault',
      description: 'Helm values: vault.enabled with a path',
    },
    {
      id: 'repo.runbookFiles',
      description: 'Markdown files in the runbook folder',
    },
  ];

  constructor(
    private readonly reader: UrlReaderService,
    private readonly options: { concurrency?: number } = {},
  ) {}

  async retrieve(
    entities: Array<{ entity: Entity; entityRef: string }>,
    now: Date,
  ): Promise<CollectedFact[]> {
    const collectedAt = now.toISOString();
    const out: CollectedFact[] = [];
    const queue = [...entities];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        out.push(
          ...(await this.collect(next.entity, next.entityRef, collectedAt)),
        );
      }
    };
    await Promise.all(
      Array.from({ length: this.options.concurrency ?? 4 }, worker),
    );
    return out;
  }

  private async collect(
    entity: Entity,
    entityRef: string,
    collectedAt: string,
  ): Promise<CollectedFact[]> {
    const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!location) {
      return factsInError(
        this,
        entityRef,
        `the entity has no ${ANNOTATION_LOCATION} annotation, so its repository is unknown`,
        entityRef,
        collectedAt,
      );
    }
    let root = location;
    let onDisk = false;
    try {
      const { type, target } = parseLocationRef(location);
      let files: RepositoryFiles;
      if (type === 'file') {
        onDisk = true;
        root = path.dirname(target);
        files = await readFolder(root);
      } else {
        root = new URL('./', target).toString();
        files = await this.readTree(root);
      }
      const runbooks = entity.metadata.annotations?.[RUNBOOKS_ANNOTATION];
      const facts = repositoryFacts(files, runbooks);
      return Object.entries(facts).map(([factId, { value, file }]) => ({
        entityRef,
        factId,
        value,
        source: onDisk
          ? repositoryPath(path.join(root, file))
          : `${root.replace(/\/$/, '')}/${file}`,
        collectedAt,
      }));
    } catch (error) {
      // A disk error's message holds the absolute path: show its code only.
      const reason = onDisk
        ? (error as NodeJS.ErrnoException).code ?? 'unreadable'
        : (error as Error).message;
      return factsInError(
        this,
        entityRef,
        `could not read the repository: ${reason}`,
        onDisk ? repositoryPath(root) : root,
        collectedAt,
      );
    }
  }

  private async readTree(url: string): Promise<RepositoryFiles> {
    const tree = await this.reader.readTree(url, {
      filter: p => isRepositoryFileOfInterest(p),
    });
    const files = new Map<string, string>();
    for (const file of await tree.files()) {
      files.set(file.path, (await file.content()).toString('utf8'));
    }
    return files;
  }
}
