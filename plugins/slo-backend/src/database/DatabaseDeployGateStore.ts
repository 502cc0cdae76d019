import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DeployGateStore, StoredDeployGateOverride } from './DeployGateStore';

const migrationsDir = resolvePackagePath(
  '@gogidix/plugin-slo-backend',
  'migrations',
);

const TABLE = 'slo_deploy_gate_overrides';

interface OverrideRow {
  id: string;
  entity_ref: string;
  reason: string;
  created_by: string;
  created_at: string | number;
  expires_at: string | number;
}

// PostgreSQL returns bigint columns as strings.
const fromRow = (row: OverrideRow): StoredDeployGateOverride => ({
  id: row.id,
  entityRef: row.entity_ref,
  reason: row.reason,
  createdBy: row.created_by,
  createdAt: new Date(Number(row.created_at)),
  expiresAt: new Date(Number(row.expires_at)),
});

export class DatabaseDeployGateStore implements DeployGateStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseDeployGateStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseDeployGateStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async createOverride(override: StoredDeployGateOverride) {
    await this.db<OverrideRow>(TABLE).insert({
      id: override.id,
      entity_ref: override.entityRef,
      reason: override.reason,
      created_by: override.createdBy,
      created_at: override.createdAt.getTime(),
      expires_at: override.expiresAt.getTime(),
    });
  }

  async activeOverride(entityRef: string, at: Date) {
    const row = await this.db<OverrideRow>(TABLE)
      .where('entity_ref', entityRef)
      .where('created_at', '<=', at.getTime())
      .where('expires_at', '>', at.getTime())
      .orderBy([
        { column: 'expires_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listOverrides(entityRef: string, limit: number) {
    const rows = await this.db<OverrideRow>(TABLE)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit);
    return rows.map(fromRow);
  }
}
