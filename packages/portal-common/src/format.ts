/**
 * How a catalog ref is shown to people: the kind is dropped, and so is the
 * default namespace, so `group:default/listings` reads `listings` while a
 * team elsewhere keeps its namespace (`group:finance/payments` reads
 * `finance/payments`). A bare name (`listings`) is shown as it is.
 */
export function formatRef(ref: string): string {
  return ref.replace(/^[^:/]+:/, '').replace(/^default\//, '');
}

/** Options of {@link formatPercent}. */
export interface FormatPercentOptions {
  /** Decimal places at most; trailing zeros are dropped. Default 0. */
  digits?: number;
  /** Shown instead of a number when there is none. Default `–`. */
  missing?: string;
  /** Prefix a positive value with `+` (a change rather than a share). */
  sign?: boolean;
}

/**
 * A ratio as a percentage: `0.8333` reads `83%`, with `digits: 3`
 * `0.99912` reads `99.912%`, with `sign` `0.2` reads `+20%`. No value
 * (null or undefined) reads `missing`.
 */
export function formatPercent(
  value: number | null | undefined,
  options: FormatPercentOptions = {},
): string {
  const { digits = 0, missing = '–', sign = false } = options;
  if (value === null || value === undefined || Number.isNaN(value)) {
    return missing;
  }
  const scale = 10 ** digits;
  // `+ 0` turns a rounded -0 into 0.
  const rounded = Math.round(value * 100 * scale) / scale + 0;
  return `${sign && rounded > 0 ? '+' : ''}${rounded}%`;
}
