import { Measured } from '@gogidix/plugin-slo-common';

/** 0.99912 -> "99.912%"; missing data says so instead of showing a number. */
export function percent(
  value: Measured | null | undefined,
  digits = 3,
): string {
  if (value === null || value === undefined || value === 'missing')
    return 'no data';
  return `${(value * 100).toFixed(digits).replace(/\.?0+$/, '')}%`;
}

/** A burn rate as "2.4x". */
export function burn(value: Measured | null | undefined): string {
  if (value === null || value === undefined || value === 'missing')
    return 'no data';
  return `${value.toFixed(value >= 10 ? 0 : 1)}x`;
}

/** "group:default/listings" -> "listings". */
export const shortRef = (ref: string) => ref.replace(/^[^:]+:(default\/)?/, '');
