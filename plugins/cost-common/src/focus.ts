/**
 * FOCUS 1.x (FinOps Open Cost and Usage Specification) billing rows: the
 * columns the portal reads, and the checks that turn one CSV record into a
 * {@link FocusBillingRow} or a list of problems with its line number.
 */

/** Columns FOCUS 1.0+ marks mandatory that the portal relies on. */
export const FOCUS_REQUIRED_COLUMNS = [
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
] as const;

/** Optional (conditional in FOCUS) columns the portal reads when present. */
export const FOCUS_OPTIONAL_COLUMNS = [
  'ResourceId',
  'ResourceName',
  'Tags',
] as const;

/** The allowed values of ServiceCategory in FOCUS 1.0 and 1.1. */
export const FOCUS_SERVICE_CATEGORIES = [
  'AI and Machine Learning',
  'Analytics',
  'Business Applications',
  'Compute',
  'Databases',
  'Developer Tools',
  'Multicloud',
  'Identity',
  'Integration',
  'Internet of Things',
  'Management and Governance',
  'Media',
  'Migration',
  'Mobile',
  'Networking',
  'Security',
  'Storage',
  'Web',
  'Other',
] as const;

/** One charge of a FOCUS export, as the portal keeps it. */
export interface FocusBillingRow {
  billingAccountId: string;
  /** First day of the billing period, `YYYY-MM-DD` (UTC). */
  billingPeriodStart: string;
  /** Day the charge applies to, `YYYY-MM-DD` (UTC). */
  chargeDate: string;
  billedCost: number;
  /** Cost after discounts and amortised commitments: what the portal reports. */
  effectiveCost: number;
  currency: string;
  serviceCategory: string;
  serviceName: string;
  chargeCategory: string;
  resourceId: string | null;
  resourceName: string | null;
  tags: Record<string, string>;
}

/** A problem found in an import, with the 1-based line of the CSV file. */
export interface FocusRowProblem {
  line: number;
  column?: string;
  message: string;
}

export type FocusRowResult =
  | { ok: true; row: FocusBillingRow }
  | { ok: false; problems: FocusRowProblem[] };

/** Lists the mandatory columns missing from a header (line 1). */
export function missingFocusColumns(header: readonly string[]): string[] {
  const present = new Set(header.map(h => h.trim()));
  return FOCUS_REQUIRED_COLUMNS.filter(c => !present.has(c));
}

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
// FOCUS dates are ISO 8601 in UTC; exports write either a date or a
// date-time ending in Z.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/;
const CURRENCY = /^[A-Z]{3}$/;

function parseDecimal(
  value: string,
  column: string,
  line: number,
  problems: FocusRowProblem[],
): number {
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) {
    problems.push({
      line,
      column,
      message: `${column} "${value}" is not a decimal number`,
    });
    return 0;
  }
  return Number(trimmed);
}

function parseDay(
  value: string,
  column: string,
  line: number,
  problems: FocusRowProblem[],
): string {
  const match = DATE_TIME.exec(value.trim());
  const day = match?.[1];
  if (!day || Number.isNaN(Date.parse(value.trim()))) {
    problems.push({
      line,
      column,
      message: `${column} "${value}" is not an ISO 8601 UTC date`,
    });
    return '';
  }
  // Date.parse accepts 2024-02-30; a round trip catches it.
  if (new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    problems.push({
      line,
      column,
      message: `${column} "${value}" is not a calendar date`,
    });
    return '';
  }
  return day;
}

function parseTags(
  value: string | undefined,
  line: number,
  problems: FocusRowProblem[],
): Record<string, string> {
  if (!value || !value.trim()) {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const tags: Record<string, string> = {};
      for (const [key, tagValue] of Object.entries(parsed)) {
        tags[key] = String(tagValue);
      }
      return tags;
    }
  } catch {
    // reported below
  }
  problems.push({
    line,
    column: 'Tags',
    message: 'Tags is not a JSON object of key-value pairs',
  });
  return {};
}

function required(
  record: Record<string, string | undefined>,
  column: string,
  line: number,
  problems: FocusRowProblem[],
): string {
  const value = record[column]?.trim() ?? '';
  if (!value) {
    problems.push({ line, column, message: `${column} is empty` });
  }
  return value;
}

/** Validates one CSV record (keyed by column name) at the given line. */
export function parseFocusRow(
  record: Record<string, string | undefined>,
  line: number,
): FocusRowResult {
  const problems: FocusRowProblem[] = [];
  const get = (column: string) => required(record, column, line, problems);

  const billingAccountId = get('BillingAccountId');
  const currency = get('BillingCurrency');
  if (currency && !CURRENCY.test(currency)) {
    problems.push({
      line,
      column: 'BillingCurrency',
      message: `BillingCurrency "${currency}" is not an ISO 4217 code`,
    });
  }
  const billedCostText = get('BilledCost');
  const effectiveCostText = get('EffectiveCost');
  const periodText = get('BillingPeriodStart');
  const chargeText = get('ChargePeriodStart');
  const serviceCategory = get('ServiceCategory');
  if (
    serviceCategory &&
    !(FOCUS_SERVICE_CATEGORIES as readonly string[]).includes(serviceCategory)
  ) {
    problems.push({
      line,
      column: 'ServiceCategory',
      message: `ServiceCategory "${serviceCategory}" is not a FOCUS category`,
    });
  }
  const serviceName = get('ServiceName');
  const chargeCategory = get('ChargeCategory');

  const billedCost = billedCostText
    ? parseDecimal(billedCostText, 'BilledCost', line, problems)
    : 0;
  const effectiveCost = effectiveCostText
    ? parseDecimal(effectiveCostText, 'EffectiveCost', line, problems)
    : 0;
  const billingPeriodStart = periodText
    ? parseDay(periodText, 'BillingPeriodStart', line, problems)
    : '';
  const chargeDate = chargeText
    ? parseDay(chargeText, 'ChargePeriodStart', line, problems)
    : '';
  const tags = parseTags(record.Tags, line, problems);

  if (problems.length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    row: {
      billingAccountId,
      billingPeriodStart,
      chargeDate,
      billedCost,
      effectiveCost,
      currency,
      serviceCategory,
      serviceName,
      chargeCategory,
      resourceId: record.ResourceId?.trim() || null,
      resourceName: record.ResourceName?.trim() || null,
      tags,
    },
  };
}

/** Formats problems the way the import route reports them. */
export function describeFocusProblems(problems: FocusRowProblem[]): string {
  return problems.map(p => `line ${p.line}: ${p.message}`).join('; ');
}
