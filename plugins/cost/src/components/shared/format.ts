import { formatPercent } from '@gogidix/portal-common';

/** Money as people read it on a cost page: whole units, grouped thousands. */
export function formatCost(value: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(value) < 100 ? 2 : 0,
  }).format(value);
}

/** Money to the cent, as the invoice shows it. */
export function formatExactCost(value: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** Money in whole units, for chart axes. */
export function formatWholeCost(value: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(value);
}

/** A relative change as "+12%" / "-8%", or "new" when nothing came before. */
export const formatRatio = (ratio: number | null): string =>
  formatPercent(ratio, { sign: true, missing: 'new' });

/** Day of a `YYYY-MM-DD` date for chart axes, e.g. "14 Nov". */
export function formatDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
