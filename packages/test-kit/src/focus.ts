/**
 * FOCUS (FinOps Open Cost and Usage Specification, 1.x) billing rows for
 * tests. The header has the spec's column names in the spec's (alphabetical)
 * order: the 21 columns FOCUS 1.0 to 1.2 make mandatory, and the conditional
 * resource, pricing and tag columns that say what a charge paid for.
 */
export const FOCUS_HEADER: readonly string[] = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ResourceId',
  'ResourceName',
  'ServiceCategory',
  'ServiceName',
  'Tags',
];

/** One charge as column → value: a day of one VM, overridable per column. */
export function focusValues(
  change: Partial<Record<string, string>> = {},
): Record<string, string> {
  // One day of one VM in October's bill.
  const values: Record<string, string> = {
    BilledCost: '10',
    BillingAccountId: 'acct-1',
    BillingAccountName: 'Main account',
    BillingCurrency: 'EUR',
    BillingPeriodEnd: '2026-11-01T00:00:00Z',
    BillingPeriodStart: '2026-10-01T00:00:00Z',
    ChargeCategory: 'Usage',
    ChargeClass: '',
    ChargeDescription: '24 instance-hours of a general purpose VM',
    ChargeFrequency: 'Usage-Based',
    ChargePeriodEnd: '2026-10-15T00:00:00Z',
    ChargePeriodStart: '2026-10-14T00:00:00Z',
    ContractedCost: '10',
    EffectiveCost: '9',
    InvoiceIssuerName: 'Example Cloud',
    ListCost: '12',
    PricingCategory: 'Standard',
    PricingQuantity: '24',
    PricingUnit: 'Hours',
    ProviderName: 'Example Cloud',
    PublisherName: 'Example Cloud',
    ResourceId: 'i-1',
    ResourceName: 'node-1',
    ServiceCategory: 'Compute',
    ServiceName: 'Amazon Elastic Compute Cloud',
    Tags: '{"service":"listings-service","team":"listings"}',
  };
  for (const [column, value] of Object.entries(change)) {
    if (value !== undefined) values[column] = value;
  }
  return values;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line of `focusValues(change)` in the header's column order. */
export function focusRow(
  change: Partial<Record<string, string>> = {},
  header: readonly string[] = FOCUS_HEADER,
): string {
  const values = focusValues(change);
  return header.map(column => csvField(values[column] ?? '')).join(',');
}

/** A FOCUS CSV file: the header line, then the rows. */
export function focusCsv(
  rows: string[],
  header: readonly string[] = FOCUS_HEADER,
): string {
  return [header.join(','), ...rows].join('\n');
}
