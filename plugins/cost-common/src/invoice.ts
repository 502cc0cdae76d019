/**
 * The bill as finance reads it: BilledCost (the invoice) beside
 * EffectiveCost (amortised), per month and currency, split by ChargeCategory
 * with corrections of earlier periods apart, and the savings that ListCost
 * and ContractedCost show. Sums are exact (integer micros), rounded to the
 * cent once per figure; a breakdown's parts are apportioned so that they
 * add up to the total. Pure: the store reads the groups.
 */
import { FOCUS_CHARGE_CATEGORIES } from './focusColumns';
import { apportionCents, microsToAmount } from './money';

/**
 * Which month a charge counts in: the billing period it is invoiced in
 * (what reconciles to the invoice), or the period it was incurred in.
 */
export type CostPeriodBasis = 'billing-period' | 'charge-period';
export const COST_PERIOD_BASES: readonly CostPeriodBasis[] = [
  'billing-period',
  'charge-period',
];

/** Stored charges summed per month, account, currency, category and class. */
export interface InvoiceGroup {
  /** `YYYY-MM` of the basis asked for. */
  month: string;
  billingAccountId: string;
  currency: string;
  chargeCategory: string;
  chargeClass: string | null;
  rows: number;
  billedMicros: number;
  effectiveMicros: number;
  listMicros: number;
  contractedMicros: number;
}

export interface InvoiceAmounts {
  /** What the invoice shows. */
  billedCost: number;
  /** Amortised: commitments spread over their use, after discounts. */
  effectiveCost: number;
}

export interface InvoiceCategory extends InvoiceAmounts {
  /** Usage, Purchase, Tax, Credit or Adjustment. */
  chargeCategory: string;
  /** True for ChargeClass = Correction: a correction of an earlier invoiced period. */
  correction: boolean;
  rows: number;
}

export interface InvoiceAccount extends InvoiceAmounts {
  billingAccountId: string;
}

export interface InvoicePeriod extends InvoiceAmounts {
  month: string;
  currency: string;
  /** Usage and purchases at list prices. */
  listCost: number;
  /** Usage and purchases at the account's negotiated prices. */
  contractedCost: number;
  /** ListCost − ContractedCost over usage and purchases. */
  negotiatedSavings: number;
  /** ContractedCost − EffectiveCost over usage and purchases. */
  commitmentSavings: number;
  categories: InvoiceCategory[];
  accounts: InvoiceAccount[];
}

export interface CostInvoice {
  basis: CostPeriodBasis;
  /** Newest month first. */
  periods: InvoicePeriod[];
}

interface Sums {
  rows: number;
  billed: number;
  effective: number;
  list: number;
  contracted: number;
}

const emptySums = (): Sums => ({
  rows: 0,
  billed: 0,
  effective: 0,
  list: 0,
  contracted: 0,
});

function add(sums: Sums, g: InvoiceGroup) {
  sums.rows += g.rows;
  sums.billed += g.billedMicros;
  sums.effective += g.effectiveMicros;
  sums.list += g.listMicros;
  sums.contracted += g.contractedMicros;
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

const categoryOrder = (category: string) => {
  const i = (FOCUS_CHARGE_CATEGORIES as readonly string[]).indexOf(category);
  return i < 0 ? FOCUS_CHARGE_CATEGORIES.length : i;
};

/**
 * The parts of a period with their billed and effective cost in cents that
 * add up to the period's: a breakdown reconciles with the invoice total.
 */
function withAmounts<T>(
  parts: T[],
  sumsOf: (part: T) => Sums,
): Array<[T, InvoiceAmounts]> {
  const billed = apportionCents(parts.map(p => sumsOf(p).billed));
  const effective = apportionCents(parts.map(p => sumsOf(p).effective));
  return parts.map((part, i) => [
    part,
    { billedCost: billed[i] / 100, effectiveCost: effective[i] / 100 },
  ]);
}

/** Sums the groups into one period per month and currency, newest first. */
export function costInvoice(
  groups: InvoiceGroup[],
  basis: CostPeriodBasis,
): CostInvoice {
  interface Period {
    month: string;
    currency: string;
    total: Sums;
    priced: Sums;
    categories: Map<string, Sums & { category: string; correction: boolean }>;
    accounts: Map<string, Sums>;
  }
  const periods = new Map<string, Period>();
  for (const g of groups) {
    const period = getOr(periods, `${g.month}\u0000${g.currency}`, () => ({
      month: g.month,
      currency: g.currency,
      total: emptySums(),
      priced: emptySums(),
      categories: new Map(),
      accounts: new Map(),
    }));
    add(period.total, g);
    // Savings are read off what was priced: usage and purchases.
    if (g.chargeCategory === 'Usage' || g.chargeCategory === 'Purchase') {
      add(period.priced, g);
    }
    const correction = g.chargeClass === 'Correction';
    add(
      getOr(
        period.categories,
        `${g.chargeCategory}\u0000${correction}`,
        () => ({
          ...emptySums(),
          category: g.chargeCategory,
          correction,
        }),
      ),
      g,
    );
    add(getOr(period.accounts, g.billingAccountId, emptySums), g);
  }
  return {
    basis,
    periods: [...periods.values()]
      .sort(
        (a, b) =>
          b.month.localeCompare(a.month) ||
          a.currency.localeCompare(b.currency),
      )
      .map(p => ({
        month: p.month,
        currency: p.currency,
        billedCost: microsToAmount(p.total.billed),
        effectiveCost: microsToAmount(p.total.effective),
        listCost: microsToAmount(p.priced.list),
        contractedCost: microsToAmount(p.priced.contracted),
        negotiatedSavings: microsToAmount(p.priced.list - p.priced.contracted),
        commitmentSavings: microsToAmount(
          p.priced.contracted - p.priced.effective,
        ),
        categories: withAmounts(
          [...p.categories.values()].sort(
            (a, b) =>
              categoryOrder(a.category) - categoryOrder(b.category) ||
              Number(a.correction) - Number(b.correction),
          ),
          c => c,
        ).map(([c, amounts]) => ({
          chargeCategory: c.category,
          correction: c.correction,
          rows: c.rows,
          ...amounts,
        })),
        accounts: withAmounts(
          [...p.accounts].sort(([a], [b]) => a.localeCompare(b)),
          ([, s]) => s,
        ).map(([[billingAccountId], amounts]) => ({
          billingAccountId,
          ...amounts,
        })),
      })),
  };
}
