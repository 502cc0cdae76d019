/**
 * FOCUS (FinOps Open Cost and Usage Specification, 1.x) billing rows for
 * tests, with the spec's column names: the columns the cost importer
 * requires, then the optional ones it reads.
 */
export const FOCUS_HEADER: readonly string[] = [
  'BilledCost',
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargeCategory',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'EffectiveCost',
  'ServiceCategory',
  'ServiceName',
  'ResourceId',
  'ResourceName',
  'Tags',
];

/** One charge as column → value: a day of one VM, overridable per column. */
export function focusValues(
  change: Partial<Record<string, string>> = {},
): Record<string, string> {
  const values: Record<string, string> = {
    BilledCost: '10',
    BillingAccountId: 'acct-1',
    BillingCurrency: 'EUR',
    BillingPeriodStart: '2026-10-01T00:00:00Z',
    BillingPeriodEnd: '2026-11-01T00:00:00Z',
    ChargeCategory: 'Usage',
    ChargePeriodStart: '2026-10-14T00:00:00Z',
    ChargePeriodEnd: '2026-10-15T00:00:00Z',
    EffectiveCost: '9',
    ServiceCategory: 'Compute',
    ServiceName: 'Amazon Elastic Compute Cloud',
    ResourceId: 'i-1',
    ResourceName: 'node-1',
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
