/*
 * Objectives are written as short decimals (0.999, 99.9999). Binary floating
 * point turns 1 - 0.999 into 0.0010000000000000009 and rounds 0.999999 * 100
 * to print as "100" at three places; these helpers work on the decimal the
 * author wrote (JavaScript's shortest round-trip spelling of the number).
 */

interface Decimal {
  /** The value is digits / 10^scale. */
  digits: bigint;
  scale: number;
}

function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not finite`);
  const [mantissa, exponentText] = String(value).split('e');
  const exponent = Number(exponentText ?? 0);
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = BigInt(`${whole}${fraction}`);
  const scale = fraction.length - exponent;
  return scale >= 0
    ? { digits, scale }
    : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

function toText({ digits, scale }: Decimal): string {
  const negative = digits < 0n;
  const raw = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const whole = raw.slice(0, raw.length - scale);
  const fraction = raw.slice(raw.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `1 - target` as exact decimal text: 0.999 gives "0.001", 0.999999 gives "0.000001". */
export function complementText(target: number): string {
  const { digits, scale } = toDecimal(target);
  return toText({ digits: 10n ** BigInt(scale) - digits, scale });
}

/** A ratio as a percentage without losing digits: 0.999999 gives "99.9999". */
export function percentText(ratio: number): string {
  const { digits, scale } = toDecimal(ratio);
  return scale >= 2
    ? toText({ digits, scale: scale - 2 })
    : toText({ digits: digits * 10n ** BigInt(2 - scale), scale: 0 });
}
