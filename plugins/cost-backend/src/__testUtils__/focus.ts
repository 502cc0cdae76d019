import { FOCUS_REQUIRED_COLUMNS } from '@gogidix/plugin-cost-common';

export const FOCUS_HEADER = [
  ...FOCUS_REQUIRED_COLUMNS,
  'ResourceId',
  'ResourceName',
  'Tags',
];

/** One FOCUS CSV line with sensible values, overridable per column. */
export function focusLine(change: Partial<Record<string, string>> = {}) {
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
    ...change,
  };
  return FOCUS_HEADER.map(c => csvField(values[c] ?? '')).join(',');
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function focusCsv(lines: string[], header = FOCUS_HEADER): string {
  return [header.join(','), ...lines].join('\n');
}
