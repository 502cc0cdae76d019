import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  attributionKeyFromTags,
  FocusBillingRow,
  ImportedPeriod,
  WorkloadAllocation,
} from '@gogidix/plugin-cost-common';
import { stringify } from 'csv-stringify/sync';
import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import {
  CostGroup,
  CostStore,
  DateRange,
  ImportRecord,
  ResourceCostGroup,
} from './CostStore';

const migrationsDir = resolvePackagePath(
  '@gogidix/plugin-cost-backend',
  'migrations',
);

// Rows per INSERT. Knex writes multi-row inserts on SQLite as a compound
// SELECT, limited to 500 terms; PostgreSQL takes up to 65,535 parameters
// (14 per allocation row).
function insertChunk(db: Knex): number {
  return db.client.config.client === 'pg' ? 4000 : 500;
}

const CHARGE_COLUMNS = [
  'import_id',
  'charge_date',
  'service_category',
  'service_name',
  'charge_category',
  'resource_id',
  'resource_name',
  'service_tag',
  'team_tag',
  'namespace',
  'workload',
  'billed_cost',
  'effective_cost',
] as const;

type ChargeRow = Record<
  (typeof CHARGE_COLUMNS)[number],
  string | number | null
>;

/** What the pg driver's connection offers that COPY needs. */
interface PgConnection {
  query<T>(stream: T): T;
}

interface KeyColumns {
  service_tag: string | null;
  team_tag: string | null;
  namespace: string | null;
  workload: string | null;
  cost: number | string;
}

interface CostGroupRow extends KeyColumns {
  charge_date: string;
  service_category: string;
}

interface ResourceCostRow extends KeyColumns {
  resource_id: string;
  resource_name: string | null;
  service_name: string;
}

interface OpenImport extends ImportedPeriod {
  id: number;
  currency: string;
}

export class DatabaseCostStore implements CostStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseCostStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseCostStore(client);
  }

  private readonly chunk: number;
  private readonly isPostgres: boolean;
  // Writes through this instance; imports elsewhere show in cost_imports.
  private writes = 0;

  private constructor(private readonly db: Knex) {
    this.chunk = insertChunk(db);
    this.isPostgres = db.client.config.client === 'pg';
  }

  /**
   * On PostgreSQL, COPY on the transaction's own connection: about ten times
   * faster than multi-row INSERTs for large exports, and still rolled back
   * with the transaction. CSV COPY reads an unquoted empty field as NULL.
   */
  private async insertCharges(tx: Knex.Transaction, rows: ChargeRow[]) {
    if (this.isPostgres) {
      const connection: PgConnection = await tx.client.acquireConnection();
      try {
        const copy = connection.query(
          copyFrom(
            `COPY cost_charges (${CHARGE_COLUMNS.join(
              ', ',
            )}) FROM STDIN WITH (FORMAT csv)`,
          ),
        );
        const csv = stringify(rows.map(r => CHARGE_COLUMNS.map(c => r[c])));
        await pipeline(Readable.from([csv]), copy);
      } finally {
        await tx.client.releaseConnection(connection);
      }
      return;
    }
    for (let i = 0; i < rows.length; i += this.chunk) {
      await tx('cost_charges').insert(rows.slice(i, i + this.chunk));
    }
  }

  async importCharges(
    batches: AsyncIterable<FocusBillingRow[]>,
    source: string,
  ): Promise<ImportedPeriod[]> {
    try {
      return await this.importInTransaction(batches, source);
    } finally {
      this.writes += 1;
    }
  }

  private async importInTransaction(
    batches: AsyncIterable<FocusBillingRow[]>,
    source: string,
  ): Promise<ImportedPeriod[]> {
    return this.db.transaction(async tx => {
      const open = new Map<string, OpenImport>();
      const touched = { from: '9999-12-31', to: '0000-01-01' };
      const touch = (from: string | null, to: string | null) => {
        if (from && from < touched.from) touched.from = from;
        if (to && to > touched.to) touched.to = to;
      };
      for await (const batch of batches) {
        const rows: ChargeRow[] = [];
        for (const row of batch) {
          const key = `${row.billingAccountId}\u0000${row.billingPeriodStart}`;
          let period = open.get(key);
          if (!period) {
            period = await this.openImport(tx, row, source, touch);
            open.set(key, period);
          }
          touch(row.chargeDate, row.chargeDate);
          period.rows += 1;
          period.cost += row.effectiveCost;
          const tags = attributionKeyFromTags(row.tags);
          rows.push({
            import_id: period.id,
            charge_date: row.chargeDate,
            service_category: row.serviceCategory,
            service_name: row.serviceName,
            charge_category: row.chargeCategory,
            resource_id: row.resourceId,
            resource_name: row.resourceName,
            service_tag: tags.serviceTag,
            team_tag: tags.teamTag,
            namespace: tags.namespace,
            workload: tags.workload,
            billed_cost: row.billedCost,
            effective_cost: row.effectiveCost,
          });
        }
        await this.insertCharges(tx, rows);
      }
      if (touched.from <= touched.to) {
        await this.rebuildDaily(tx, touched);
      }
      const periods = [...open.values()];
      for (const p of periods) {
        await tx('cost_imports')
          .where({ id: p.id })
          .update({ rows: p.rows, cost: p.cost });
      }
      return periods.map(
        ({ billingAccountId, billingPeriodStart, rows, cost }) => ({
          billingAccountId,
          billingPeriodStart,
          rows,
          cost: Math.round(cost * 100) / 100,
        }),
      );
    });
  }

  /** Recomputes the daily rollup for the days an import touched. */
  private async rebuildDaily(tx: Knex.Transaction, range: DateRange) {
    const keys = [
      'charge_date',
      'service_category',
      'service_tag',
      'team_tag',
      'namespace',
      'workload',
    ];
    await tx('cost_daily')
      .whereBetween('charge_date', [range.from, range.to])
      .delete();
    await tx('cost_daily').insert(
      tx('cost_charges')
        .whereBetween('charge_date', [range.from, range.to])
        .select(keys)
        .sum({ cost: 'effective_cost' })
        .groupBy(keys),
    );
  }

  /** Drops what an earlier import of this account and period stored. */
  private async openImport(
    tx: Knex.Transaction,
    row: FocusBillingRow,
    source: string,
    touch: (from: string | null, to: string | null) => void,
  ): Promise<OpenImport> {
    const where = {
      billing_account_id: row.billingAccountId,
      billing_period_start: row.billingPeriodStart,
    };
    const previous = await tx('cost_imports').where(where).select('id');
    if (previous.length > 0) {
      const ids = previous.map(p => p.id);
      const span = await tx('cost_charges')
        .whereIn('import_id', ids)
        .min({ from: 'charge_date' })
        .max({ to: 'charge_date' })
        .first();
      touch(span?.from ?? null, span?.to ?? null);
      await tx('cost_charges').whereIn('import_id', ids).delete();
      await tx('cost_imports').whereIn('id', ids).delete();
    }
    const [inserted] = await tx('cost_imports')
      .insert({ ...where, rows: 0, cost: 0, currency: row.currency, source })
      .returning('id');
    return {
      id: typeof inserted === 'object' ? inserted.id : inserted,
      billingAccountId: row.billingAccountId,
      billingPeriodStart: row.billingPeriodStart,
      rows: 0,
      cost: 0,
      currency: row.currency,
    };
  }

  async listImports(): Promise<ImportRecord[]> {
    const rows = await this.db('cost_imports').orderBy([
      { column: 'billing_period_start', order: 'desc' },
      { column: 'billing_account_id', order: 'asc' },
    ]);
    return rows.map(r => ({
      billingAccountId: r.billing_account_id,
      billingPeriodStart: r.billing_period_start,
      rows: Number(r.rows),
      cost: Number(r.cost),
      currency: r.currency,
      source: r.source,
      importedAt: new Date(r.imported_at).toISOString(),
    }));
  }

  async currency(): Promise<string | null> {
    const row = await this.db('cost_imports')
      .orderBy('id', 'desc')
      .first('currency');
    return row?.currency ?? null;
  }

  async dataVersion(): Promise<string> {
    // Every import inserts new cost_imports rows, so the highest id moves.
    const row = await this.db('cost_imports')
      .max({ id: 'id' })
      .count({ n: '*' })
      .first();
    return `${this.writes}:${row?.id ?? 0}:${row?.n ?? 0}`;
  }

  async latestChargeDate(): Promise<string | null> {
    const row = await this.db('cost_daily')
      .max({ latest: 'charge_date' })
      .first();
    return row?.latest ?? null;
  }

  async costGroups(range: DateRange): Promise<CostGroup[]> {
    const keys = ['service_tag', 'team_tag', 'namespace', 'workload'];
    const rows: CostGroupRow[] = await this.db('cost_daily')
      .whereBetween('charge_date', [range.from, range.to])
      .groupBy(['charge_date', 'service_category', ...keys])
      .select(['charge_date', 'service_category', ...keys])
      .sum({ cost: 'cost' });
    return rows.map(r => ({
      date: r.charge_date,
      serviceCategory: r.service_category,
      serviceTag: r.service_tag,
      teamTag: r.team_tag,
      namespace: r.namespace,
      workload: r.workload,
      cost: Number(r.cost),
    }));
  }

  async resourceCosts(range: DateRange): Promise<ResourceCostGroup[]> {
    const columns = [
      'resource_id',
      'resource_name',
      'service_name',
      'service_tag',
      'team_tag',
      'namespace',
      'workload',
    ];
    const rows: ResourceCostRow[] = await this.db('cost_charges')
      .whereBetween('charge_date', [range.from, range.to])
      .whereNotNull('resource_id')
      .groupBy(columns)
      .select(columns)
      .sum({ cost: 'effective_cost' });
    return rows.map(r => ({
      resourceId: r.resource_id,
      resourceName: r.resource_name,
      serviceName: r.service_name,
      serviceTag: r.service_tag,
      teamTag: r.team_tag,
      namespace: r.namespace,
      workload: r.workload,
      cost: Number(r.cost),
    }));
  }

  async replaceAllocations(allocations: WorkloadAllocation[]): Promise<void> {
    const dates = [...new Set(allocations.map(a => a.date))];
    try {
      await this.replaceAllocationsInTransaction(allocations, dates);
    } finally {
      this.writes += 1;
    }
  }

  private async replaceAllocationsInTransaction(
    allocations: WorkloadAllocation[],
    dates: string[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('cost_allocations').whereIn('date', dates).delete();
      const rows = allocations.map(a => ({
        date: a.date,
        namespace: a.namespace,
        workload: a.workload ?? '',
        window_hours: a.windowHours,
        cpu_core_request_average: a.cpuCoreRequestAverage,
        cpu_core_usage_average: a.cpuCoreUsageAverage,
        cpu_cost: a.cpuCost,
        ram_byte_request_average: a.ramByteRequestAverage,
        ram_byte_usage_average: a.ramByteUsageAverage,
        ram_cost: a.ramCost,
        gpu_hours: a.gpuHours,
        gpu_cost: a.gpuCost,
        gpu_usage_average: a.gpuUsageAverage,
        total_cost: a.totalCost,
      }));
      for (let i = 0; i < rows.length; i += this.chunk) {
        await tx('cost_allocations').insert(rows.slice(i, i + this.chunk));
      }
    });
  }

  async allocations(range: DateRange): Promise<WorkloadAllocation[]> {
    const rows = await this.db('cost_allocations')
      .whereBetween('date', [range.from, range.to])
      .orderBy(['date', 'namespace', 'workload']);
    return rows.map(r => ({
      date: r.date,
      namespace: r.namespace,
      workload: r.workload || null,
      windowHours: Number(r.window_hours),
      cpuCoreRequestAverage: Number(r.cpu_core_request_average),
      cpuCoreUsageAverage: Number(r.cpu_core_usage_average),
      cpuCost: Number(r.cpu_cost),
      ramByteRequestAverage: Number(r.ram_byte_request_average),
      ramByteUsageAverage: Number(r.ram_byte_usage_average),
      ramCost: Number(r.ram_cost),
      gpuHours: Number(r.gpu_hours),
      gpuCost: Number(r.gpu_cost),
      gpuUsageAverage:
        r.gpu_usage_average === null ? null : Number(r.gpu_usage_average),
      totalCost: Number(r.total_cost),
    }));
  }
}
