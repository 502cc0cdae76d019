import { formatPercent } from '@gogidix/portal-common';
import { Measured } from '@gogidix/plugin-slo-common';

/** 0.99912 -> "99.912%"; missing data says so instead of showing a number. */
export function percent(
  value: Measured | null | undefined,
  digits = 3,
): string {
  return formatPercent(value === 'missing' ? null : value, {
    digits,
    missing: 'no data',
  });
}

/** A burn rate as "2.4x". */
export function burn(value: Measured | null | undefined): string {
  if (value === null || value === undefined || value === 'missing')
    return 'no data';
  return `${value.toFixed(value >= 10 ? 0 : 1)}x`;
}

/**
 * A budget in percent on a chart: -110 reads "−110%" with the minus sign
 * (U+2212), so an overspent budget never reads as a positive one.
 */
export function budgetTick(percentValue: number, digits = 0): string {
  const scale = 10 ** digits;
  const rounded = Math.round(percentValue * scale) / scale + 0;
  return `${rounded < 0 ? '\u2212' : ''}${Math.abs(rounded)}%`;
}

/** Pixels a budget axis needs for its widest tick between `min` and `max` (in %). */
export function budgetAxisWidth(min: number, max: number): number {
  const widest = Math.max(budgetTick(min).length, budgetTick(max).length);
  // At most about 9 px a character at the page font size, plus the tick line.
  return 12 + 9 * widest;
}
