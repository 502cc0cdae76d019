import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  CostPeriodBasis,
  CostTagKeys,
  DEFAULT_COST_TAG_KEYS,
  FocusBillingRow,
  ImportedPeriod,
  InvoiceGroup,
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
  service_tag_key: string | null;
  team_tag_key: string | null;
  cost: number | string;
}

interface InvoiceGroupRow {
  month: string;
  billing_account_id: string;
  currency: string;
  charge_category: string;
  charge_class: string | null;
  rows: number | string;
  billed: number | string;
  effective: number | string;
  list: number | string;
  contracted: number | string;
}

/** The month a charge counts in, per basis: `YYYY-MM` of a stored date. */
const MONTH_OF: Record<CostPeriodBasis, string> = {
  'billing-period': 'substr(i.billing_period_start, 1, 7)',
  'charge-period': 'substr(c.charge_date, 1, 7)',
};

/** The first day of the month after `YYYY-MM`. */
function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
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
    /** Which tags attribute an imported charge (`cost.attribution`). */
    tagKeys?: CostTagKeys;
  }): Promise<DatabaseCostStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseCostStore(
      client,
      options.tagKeys ?? DEFAULT_COST_TAG_KEYS,
    );
  }

  private readonly chunk: number;
  // Writes through this instance; imports elsewhere show in cost_imports.
  private writes = 0;

  private constructor(
    private readonly db: Knex,
    private readonly tagKeys: CostTagKeys,
  ) {
    this.chunk = insertChunk(db);
  }

  async importCharges(
    batches: AsyncIterable<FocusBillingRow[]>,
    source: string,
  ): Promise<ImportedPeriod[]> {
    try {
      return await importChargesInTransaction(
        this.db,
        batches,
        source,
        this.tagKeys,
      );
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
    const keys = [
      'service_tag',
      'team_tag',
      'namespace',
      'workload',
      'service_tag_key',
      'team_tag_key',
    ];
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
      serviceTagKey: r.service_tag_key,
      teamTagKey: r.team_tag_key,
      cost: Number(r.cost),
    }));
  }

  async invoiceGroups(
    basis: CostPeriodBasis,
    months: { from: string; to: string },
  ): Promise<InvoiceGroup[]> {
    const month = MONTH_OF[basis];
    const dateColumn =
      basis === 'billing-period' ? 'i.billing_period_start' : 'c.charge_date';
    const keys = [
      'i.billing_account_id',
      'i.currency',
      'c.charge_category',
      'c.charge_class',
    ];
    const rows: InvoiceGroupRow[] = await this.db('cost_charges as c')
      .join('cost_imports as i', 'i.id', 'c.import_id')
      .where(dateColumn, '>=', `${months.from}-01`)
      .andWhere(dateColumn, '<', nextMonthStart(months.to))
      .groupByRaw([month, ...keys].join(', '))
      .select(this.db.raw(`${month} as month`), ...keys)
      .count({ rows: '*' })
      .sum({
        billed: 'c.billed_micros',
        effective: 'c.effective_micros',
        list: 'c.list_micros',
        contracted: 'c.contracted_micros',
      });
    // Sums of integers: exact on both databases (PostgreSQL answers bigint
    // sums as numeric text).
    return rows.map(r => ({
      month: r.month,
      billingAccountId: r.billing_account_id,
      currency: r.currency,
      chargeCategory: r.charge_category,
      chargeClass: r.charge_class,
      rows: Number(r.rows),
      billedMicros: Number(r.billed),
      effectiveMicros: Number(r.effective),
      listMicros: Number(r.list),
      contractedMicros: Number(r.contracted),
    }));
  }

  async latestMonth(basis: CostPeriodBasis): Promise<string | null> {
    const row =
      basis === 'billing-period'
        ? await this.db('cost_imports')
            .max({ latest: 'billing_period_start' })
            .first()
        : await this.db('cost_daily').max({ latest: 'charge_date' }).first();
    return row?.latest ? String(row.latest).slice(0, 7) : null;
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
