import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { GroupTree } from './GroupTree';

/**
 * Reads the group tree from the catalog at most once per `maxAgeMs`, shared
 * by every permission check. When the catalog cannot be read, the last tree
 * read is kept (and the failure logged); with none yet, the check fails.
 */
export class CatalogGroupTreeSource {
  private tree?: { value: GroupTree; readAt: number };
  private loading?: Promise<GroupTree>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      managerAnnotation: string;
      maxAgeMs: number;
      now?: () => number;
    },
  ) {}

  async get(): Promise<GroupTree> {
    const now = (this.deps.now ?? Date.now)();
    if (this.tree && now - this.tree.readAt < this.deps.maxAgeMs) {
      return this.tree.value;
    }
    if (!this.loading) {
      this.loading = this.read(now).finally(() => {
        this.loading = undefined;
      });
    }
    return this.loading;
  }

  private async read(now: number): Promise<GroupTree> {
    try {
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
      this.tree = { value, readAt: now };
      return value;
    } catch (error) {
      if (!this.tree) throw error;
      this.deps.logger.warn(
        `Could not read the catalog's groups, deciding permissions on the groups read ${Math.round(
          (now - this.tree.readAt) / 1000,
        )} s ago: ${error}`,
      );
      return this.tree.value;
    }
  }
}
