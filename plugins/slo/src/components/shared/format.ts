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
