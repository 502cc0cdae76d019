/**
 * What FOCUS 1.0, 1.1 and 1.2 (FinOps Open Cost and Usage Specification) say
 * of a billing export's columns: which each version makes mandatory, which
 * columns a version introduced (how a header shows its version), and the
 * allowed values of the enumerated columns the portal reads. Checking a
 * header (line 1) against them lives here too; rows are read in `focus.ts`.
 */
export const FOCUS_VERSIONS = ['1.0', '1.1', '1.2'] as const;
export type FocusVersion = (typeof FOCUS_VERSIONS)[number];

// The 21 columns whose feature level is Mandatory in 1.0; 1.1 and 1.2 add
// only conditional and recommended columns.
const MANDATORY_1_0 = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
] as const;

/** The columns a FOCUS dataset must have, per version. */
export const FOCUS_MANDATORY_COLUMNS: Record<FocusVersion, readonly string[]> =
  { '1.0': MANDATORY_1_0, '1.1': MANDATORY_1_0, '1.2': MANDATORY_1_0 };

/**
 * Columns a version introduced: a header holding one of them is at least
 * that version (used when the file does not declare its version).
 */
export const FOCUS_INTRODUCED_COLUMNS: Record<
  Exclude<FocusVersion, '1.0'>,
  readonly string[]
> = {
  '1.1': [
    'CapacityReservationId',
    'CapacityReservationStatus',
    'CommitmentDiscountQuantity',
    'CommitmentDiscountUnit',
    'ServiceSubcategory',
    'SkuMeter',
    'SkuPriceDetails',
  ],
  '1.2': [
    'BillingAccountType',
    'InvoiceId',
    'PricingCurrency',
    'PricingCurrencyContractedUnitPrice',
    'PricingCurrencyEffectiveCost',
    'PricingCurrencyListUnitPrice',
    'SubAccountType',
  ],
};

/** Columns (outside FOCUS, `x_` per the spec) that may declare the version. */
export const FOCUS_VERSION_COLUMNS = ['x_FocusVersion', 'FocusVersion'];

/** The allowed values of ServiceCategory in FOCUS 1.0 to 1.2. */
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

export const FOCUS_CHARGE_CATEGORIES = [
  'Usage',
  'Purchase',
  'Tax',
  'Credit',
  'Adjustment',
] as const;
export type FocusChargeCategory = (typeof FOCUS_CHARGE_CATEGORIES)[number];

/** Allowed values of the enumerated columns the portal reads (null aside). */
export const FOCUS_ALLOWED_VALUES: Record<string, readonly string[]> = {
  ChargeCategory: FOCUS_CHARGE_CATEGORIES,
  ChargeClass: ['Correction'],
  ChargeFrequency: ['One-Time', 'Recurring', 'Usage-Based'],
  PricingCategory: ['Standard', 'Dynamic', 'Committed', 'Other'],
  CommitmentDiscountCategory: ['Spend', 'Usage'],
  CommitmentDiscountStatus: ['Used', 'Unused'],
  ServiceCategory: FOCUS_SERVICE_CATEGORIES,
};

/** The version a header is read as, and what is wrong with the header. */
export interface FocusHeaderCheck {
  version: FocusVersion;
  /** How the version was known. */
  versionFrom: 'declared' | 'columns';
  missing: string[];
}

export function isFocusVersion(value: string): value is FocusVersion {
  return (FOCUS_VERSIONS as readonly string[]).includes(value);
}

/** The version a header's columns show: the newest whose columns it has. */
export function detectFocusVersion(header: readonly string[]): FocusVersion {
  const present = new Set(header.map(h => h.trim()));
  const has = (v: '1.1' | '1.2') =>
    FOCUS_INTRODUCED_COLUMNS[v].some(c => present.has(c));
  if (has('1.2')) return '1.2';
  if (has('1.1')) return '1.1';
  return '1.0';
}

/**
 * Checks a header (line 1) against a declared version, or the version its
 * columns show.
 */
export function checkFocusHeader(
  header: readonly string[],
  declared?: FocusVersion,
): FocusHeaderCheck {
  const version = declared ?? detectFocusVersion(header);
  return {
    version,
    versionFrom: declared ? 'declared' : 'columns',
    missing: missingFocusColumns(header, version),
  };
}

/** Lists the mandatory columns of `version` missing from a header. */
export function missingFocusColumns(
  header: readonly string[],
  version: FocusVersion = '1.0',
): string[] {
  const present = new Set(header.map(h => h.trim()));
  return FOCUS_MANDATORY_COLUMNS[version].filter(c => !present.has(c));
}
