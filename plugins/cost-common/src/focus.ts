/**
 * FOCUS billing rows: the checks that turn one CSV record into a
 * {@link FocusBillingRow} or a list of problems with its line number, against
 * the columns and values `focusColumns.ts` states for each version.
 */
import {
  FOCUS_ALLOWED_VALUES,
  FOCUS_VERSION_COLUMNS,
  FocusChargeCategory,
  FocusVersion,
} from './focusColumns';
import { microsToUnits, parseMicros } from './money';

/** Mandatory columns that must also hold a value on every row. */
const NOT_NULL = [
  'BilledCost',
  'BillingAccountId',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
];

/** One charge of a FOCUS export, as the portal keeps it. */
export interface FocusBillingRow {
  billingAccountId: string;
  /** First day of the billing period, `YYYY-MM-DD` (UTC). */
  billingPeriodStart: string;
  /** Day the charge applies to, `YYYY-MM-DD` (UTC). */
  chargeDate: string;
  /** What the invoice shows, in micros (millionths of the currency unit). */
  billedMicros: number;
  /** Amortised cost after discounts and commitments, in micros. */
  effectiveMicros: number;
  /** At public list prices, in micros. */
  listMicros: number;
  /** At the prices negotiated for the account, in micros. */
  contractedMicros: number;
  /** BilledCost in currency units (for daily charts). */
  billedCost: number;
  /** EffectiveCost in currency units: what the daily charts show. */
  effectiveCost: number;
  currency: string;
  serviceCategory: string;
  serviceName: string;
  chargeCategory: FocusChargeCategory;
  /** `Correction` for a correction of an earlier invoiced period, else null. */
  chargeClass: 'Correction' | null;
  chargeFrequency: string | null;
  pricingCategory: string | null;
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

/**
 * Null as FOCUS files write it: an empty cell, or a provider's literal null
 * (`NULL`, `null`). Never kept as the text "NULL".
 */
export function focusNull(value: string | undefined): boolean {
  if (value === undefined) return true;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'null';
}

function cell(
  record: Record<string, string | undefined>,
  column: string,
): string | null {
  const value = record[column];
  return focusNull(value) ? null : value!.trim();
}

// ISO 8601 date-times in UTC, as FOCUS requires (YYYY-MM-DDTHH:mm:ssZ);
// fractional seconds and a +00:00 offset are the same instant, written
// another allowed way. Date-only, local or other offsets are refused.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]00:?00)$/;
const CURRENCY = /^[A-Z]{3}$/;

function parseDay(
  value: string,
  column: string,
  line: number,
  problems: FocusRowProblem[],
): string {
  const match = DATE_TIME.exec(value);
  const day = match?.[1];
  const [hh, mm, ss] = [match?.[2], match?.[3], match?.[4] ?? '00'].map(Number);
  if (!day || hh > 23 || mm > 59 || ss > 59) {
    problems.push({
      line,
      column,
      message: `${column} "${value}" is not an ISO 8601 UTC date-time (YYYY-MM-DDTHH:mm:ssZ)`,
    });
    return '';
  }
  // 2024-02-30 matches the pattern; a round trip catches it.
  const parsed = new Date(`${day}T00:00:00Z`);
  if (
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== day
  ) {
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
  value: string | null,
  line: number,
  problems: FocusRowProblem[],
): Record<string, string> {
  if (value === null) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const tags: Record<string, string> = {};
    for (const [key, tagValue] of Object.entries(parsed)) {
      if (tagValue !== null && typeof tagValue === 'object') {
        problems.push({
          line,
          column: 'Tags',
          message: `Tags key "${key}" holds an object; tag values are strings`,
        });
        continue;
      }
      // A key-only tag (null value) is kept with an empty value.
      tags[key] = tagValue === null ? '' : String(tagValue);
    }
    return tags;
  }
  problems.push({
    line,
    column: 'Tags',
    message: 'Tags is not a JSON object of key-value pairs',
  });
  return {};
}

function checkAllowed(
  column: string,
  value: string | null,
  line: number,
  problems: FocusRowProblem[],
) {
  const allowed = FOCUS_ALLOWED_VALUES[column];
  if (value !== null && allowed && !allowed.includes(value)) {
    problems.push({
      line,
      column,
      message: `${column} "${value}" is not one of ${allowed.join(', ')}`,
    });
  }
}

function money(
  record: Record<string, string | undefined>,
  column: string,
  line: number,
  problems: FocusRowProblem[],
): number {
  const text = cell(record, column);
  if (text === null) return 0;
  const micros = parseMicros(text);
  if (micros === null) {
    problems.push({
      line,
      column,
      message: `${column} "${text}" is not a decimal number`,
    });
    return 0;
  }
  return micros;
}

/**
 * Validates one CSV record (keyed by column name) at the given line against
 * `version`. Columns the header lacks read as null.
 */
export function parseFocusRow(
  record: Record<string, string | undefined>,
  line: number,
  version: FocusVersion = '1.0',
): FocusRowResult {
  const problems: FocusRowProblem[] = [];
  for (const column of NOT_NULL) {
    if (cell(record, column) === null) {
      problems.push({ line, column, message: `${column} is null` });
    }
  }
  for (const column of Object.keys(FOCUS_ALLOWED_VALUES)) {
    checkAllowed(column, cell(record, column), line, problems);
  }
  for (const column of FOCUS_VERSION_COLUMNS) {
    const declared = cell(record, column);
    if (declared !== null && declared !== version) {
      problems.push({
        line,
        column,
        message: `${column} "${declared}" differs from the file's FOCUS version ${version}`,
      });
    }
  }
  const currency = cell(record, 'BillingCurrency') ?? '';
  if (currency && !CURRENCY.test(currency)) {
    problems.push({
      line,
      column: 'BillingCurrency',
      message: `BillingCurrency "${currency}" is not an ISO 4217 code`,
    });
  }
  const chargeCategory = (cell(record, 'ChargeCategory') ??
    'Usage') as FocusChargeCategory;
  const chargeClass = cell(record, 'ChargeClass') as 'Correction' | null;
  const pricingCategory = cell(record, 'PricingCategory');
  // PricingCategory's own rule: set for usage and purchases that are no
  // correction, null for tax. Only when the provider has the column.
  if ('PricingCategory' in record) {
    if (
      pricingCategory === null &&
      chargeClass === null &&
      (chargeCategory === 'Usage' || chargeCategory === 'Purchase')
    ) {
      problems.push({
        line,
        column: 'PricingCategory',
        message: `PricingCategory is null on a ${chargeCategory} charge that is no correction`,
      });
    }
    if (pricingCategory !== null && chargeCategory === 'Tax') {
      problems.push({
        line,
        column: 'PricingCategory',
        message: 'PricingCategory must be null on a Tax charge',
      });
    }
  }
  for (const column of ['PricingQuantity', 'ConsumedQuantity']) {
    const text = cell(record, column);
    if (text !== null && parseMicros(text) === null) {
      problems.push({
        line,
        column,
        message: `${column} "${text}" is not a decimal number`,
      });
    }
  }
  const day = (column: string) => {
    const text = cell(record, column);
    return text === null ? '' : parseDay(text, column, line, problems);
  };
  const billingPeriodStart = day('BillingPeriodStart');
  day('BillingPeriodEnd');
  const chargeDate = day('ChargePeriodStart');
  day('ChargePeriodEnd');
  const billedMicros = money(record, 'BilledCost', line, problems);
  const effectiveMicros = money(record, 'EffectiveCost', line, problems);
  const listMicros = money(record, 'ListCost', line, problems);
  const contractedMicros = money(record, 'ContractedCost', line, problems);
  const tags = parseTags(cell(record, 'Tags'), line, problems);

  if (problems.length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    row: {
      billingAccountId: cell(record, 'BillingAccountId')!,
      billingPeriodStart,
      chargeDate,
      billedMicros,
      effectiveMicros,
      listMicros,
      contractedMicros,
      billedCost: microsToUnits(billedMicros),
      effectiveCost: microsToUnits(effectiveMicros),
      currency,
      serviceCategory: cell(record, 'ServiceCategory')!,
      serviceName: cell(record, 'ServiceName')!,
      chargeCategory,
      chargeClass,
      chargeFrequency: cell(record, 'ChargeFrequency'),
      pricingCategory,
      resourceId: cell(record, 'ResourceId'),
      resourceName: cell(record, 'ResourceName'),
      tags,
    },
  };
}

/** Formats problems the way the import route reports them. */
export function describeFocusProblems(problems: FocusRowProblem[]): string {
  return problems.map(p => `line ${p.line}: ${p.message}`).join('; ');
}
