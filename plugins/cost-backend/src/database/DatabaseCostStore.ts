import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  FocusBillingRow,
  ImportedPeriod,
  WorkloadAllocation,
} from '@gogidix/plugin-cost-common';
import { Knex } from 'knex';
import { importChargesInTransaction, insertChunk } from './chargeImport';
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

export class DatabaseCostStore implements CostStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseCostStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseCostStore(client);
  }

  private readonly chunk: number;
  // Writes through this instance; imports elsewhere show in cost_imports.
  private writes = 0;

  private constructor(private readonly db: Knex) {
    this.chunk = insertChunk(db);
  }

  async importCharges(
    batches: AsyncIterable<FocusBillingRow[]>,
    source: string,
  ): Promise<ImportedPeriod[]> {
    try {
      return await importChargesInTransaction(this.db, batches, source);
    } finally {
      this.writes += 1;
    }
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
