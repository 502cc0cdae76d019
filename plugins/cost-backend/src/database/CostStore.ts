import {
  AttributionKey,
  CostPeriodBasis,
  FocusBillingRow,
  ImportedPeriod,
  InvoiceGroup,
  WorkloadAllocation,
} from '@gogidix/plugin-cost-common';

/** Cost summed per day, service category, provider service and attribution keys. */
export interface CostGroup extends AttributionKey {
  date: string;
  serviceCategory: string;
  cost: number;
}

/** Cost of one billed resource over a date range, with its attribution keys. */
export interface ResourceCostGroup extends AttributionKey {
  resourceId: string;
  resourceName: string | null;
  serviceName: string;
  cost: number;
}

export interface ImportRecord extends ImportedPeriod {
  currency: string;
  source: string;
  importedAt: string;
}

export interface DateRange {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
}

/** Where billing charges and OpenCost allocations are kept. */
export interface CostStore {
  /**
   * Stores the charges in one transaction, replacing every (billing account,
   * billing period) pair they cover. If `batches` throws, nothing changes.
   */
  importCharges(
    batches: AsyncIterable<FocusBillingRow[]>,
    source: string,
  ): Promise<ImportedPeriod[]>;
  listImports(): Promise<ImportRecord[]>;
  /** The currency of the most recent import, or null before any import. */
  currency(): Promise<string | null>;
  /**
   * Changes whenever stored charges change: an import here or on another
   * instance, or allocations replaced through this store.
   */
  dataVersion(): Promise<string>;
  /** The last day with any charge, or null before any import. */
  latestChargeDate(): Promise<string | null>;
  costGroups(range: DateRange): Promise<CostGroup[]>;
  /**
   * Charges summed exactly per month of `basis`, billing account, currency,
   * ChargeCategory and ChargeClass, for the months `from` to `to`
   * (`YYYY-MM`, inclusive).
   */
  invoiceGroups(
    basis: CostPeriodBasis,
    months: { from: string; to: string },
  ): Promise<InvoiceGroup[]>;
  /** The newest month of `basis` with any charge, or null before any import. */
  latestMonth(basis: CostPeriodBasis): Promise<string | null>;
  resourceCosts(range: DateRange): Promise<ResourceCostGroup[]>;
  /** Replaces the allocations of every day the given ones cover. */
  replaceAllocations(allocations: WorkloadAllocation[]): Promise<void>;
  allocations(range: DateRange): Promise<WorkloadAllocation[]>;
}
