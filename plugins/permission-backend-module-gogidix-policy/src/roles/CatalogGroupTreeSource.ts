import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CachedLoader } from '@gogidix/portal-node';
import { GroupTree } from './GroupTree';

/**
 * Reads the group tree from the catalog at most once per `maxAgeMs`, shared
 * by every permission check. When the catalog cannot be read, the last tree
 * read is kept (and the failure logged); with none yet, the check fails.
 */
export class CatalogGroupTreeSource {
  readonly #tree: CachedLoader<GroupTree>;
  #lastRead?: { value: GroupTree; readAt: number };

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      managerAnnotation: string;
      maxAgeMs: number;
      now?: () => number;
    },
  ) {
    this.#tree = new CachedLoader({
      // Fresh while younger than maxAgeMs, as the setting says.
      ttlMs: Math.max(deps.maxAgeMs - 1, 0),
      maxEntries: 1,
      now: deps.now,
    });
  }

  async get(): Promise<GroupTree> {
    try {
      return await this.#tree.get('groups', () => this.read());
    } catch (error) {
      if (!this.#lastRead) throw error;
      this.deps.logger.warn(
        `Could not read the catalog's groups, deciding permissions on the groups read ${Math.round(
          (this.now() - this.#lastRead.readAt) / 1000,
        )} s ago: ${error}`,
      );
      return this.#lastRead.value;
    }
  }

  private async read(): Promise<GroupTree> {
    const readAt = this.now();
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'relations',
        ],
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const value = GroupTree.fromEntities(items, this.deps.managerAnnotation);
    this.#lastRead = { value, readAt };
    return value;
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
