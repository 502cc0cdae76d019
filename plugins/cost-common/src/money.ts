/**
 * Money as finance reads it: amounts are kept as integer millionths of the
 * currency unit ("micros"), parsed from the export's decimal text without a
 * float in between, summed as integers, and rounded to cents once, at the end.
 */

/** Millionths of a currency unit per unit. */
export const MICROS_PER_UNIT = 1_000_000;
const SCALE_DIGITS = 6;

const DECIMAL_TEXT = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;

/**
 * Parses decimal text (`12.5`, `-0.000123`, `1.5e-4`) into micros, rounding
 * half to even past the sixth decimal. Returns null for anything else.
 */
export function parseMicros(text: string): number | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match || (!match[2] && !match[3])) {
    return null;
  }
  const [, sign, whole = '', fraction = '', exponentText] = match;
  const exponent = Number(exponentText ?? 0);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 30) {
    return null;
  }
  // The digits as one integer, and where the decimal point sits in them.
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  const pointFromRight = fraction.length - exponent;
  const shift = SCALE_DIGITS - pointFromRight;
  let value: bigint;
  if (shift >= 0) {
    value = BigInt(digits || '0') * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const n = BigInt(digits || '0');
    const quotient = n / divisor;
    const remainder = n % divisor;
    const twice = remainder * 2n;
    value =
      twice > divisor || (twice === divisor && quotient % 2n === 1n)
        ? quotient + 1n
        : quotient;
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    return null;
  }
  const micros = Number(value);
  return sign === '-' && micros !== 0 ? -micros : micros;
}

/** Rounds micros to whole cents, half away from zero (as invoices do). */
export function microsToCents(micros: number): number {
  const sign = micros < 0 ? -1 : 1;
  const abs = Math.abs(micros);
  const cents = Math.floor(abs / 10_000);
  const rest = abs % 10_000;
  const rounded = rest >= 5_000 ? cents + 1 : cents;
  return rounded === 0 ? 0 : sign * rounded;
}

/**
 * Rounds parts of a total to cents so that they add up to the total's
 * cents, as a breakdown must to reconcile with the invoice: each part is
 * rounded on its own, then the cents the parts lack (or have too many) go to
 * the parts their rounding moved furthest, one cent each (largest
 * remainder). A part is never more than a cent from its exact value.
 */
export function apportionCents(parts: readonly number[]): number[] {
  const cents = parts.map(microsToCents);
  const total = microsToCents(parts.reduce((sum, micros) => sum + micros, 0));
  const lacking = total - cents.reduce((sum, c) => sum + c, 0);
  if (lacking === 0) return cents;
  const step = Math.sign(lacking);
  // What rounding took from each part, in micros: largest first when cents
  // are lacking, smallest first when there are too many. Ties by position.
  const taken = parts.map((micros, i) => micros - cents[i] * 10_000);
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => step * (taken[b] - taken[a]) || a - b);
  for (const i of order.slice(0, Math.abs(lacking))) cents[i] += step;
  return cents;
}

/** Micros as an amount in currency units, rounded to the cent. */
export function microsToAmount(micros: number): number {
  return microsToCents(micros) / 100;
}

/**
 * A float amount in currency units (a sum of stored costs) to the cent,
 * halves away from zero, as the exact decimal sum rounds. The float is
 * snapped to micros first: a sum whose exact value is 1852.705 can land on
 * 1852.70499999…, which `Math.round(x * 100)` takes a cent down. Every
 * figure the cost page shows is rounded here or by {@link microsToAmount}.
 */
export function roundToCents(value: number): number {
  return microsToAmount(Math.round(value * MICROS_PER_UNIT));
}

/** Micros as currency units, unrounded (for charts, not for totals). */
export function microsToUnits(micros: number): number {
  return micros / MICROS_PER_UNIT;
}
