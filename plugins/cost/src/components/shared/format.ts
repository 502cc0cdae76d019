import { PeriodComparison } from '@gogidix/plugin-cost-common';
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

/**
 * Why two periods are not compared, e.g. "the previous 90 days (9 Jun to
 * 6 Sep) have data on 6 of 90 days"; null when they are.
 */
export function comparisonGap(c: PeriodComparison): string | null {
  if (c.comparable) {
    return null;
  }
  const gaps: string[] = [];
  if (c.previous.daysWithData < c.previous.days) {
    gaps.push(
      `the previous ${c.previous.days} days (${formatDay(
        c.previous.from,
      )} to ${formatDay(c.previous.to)}) have data on ${
        c.previous.daysWithData
      } of ${c.previous.days} days`,
    );
  }
  if (c.current.daysWithData < c.current.days) {
    gaps.push(
      `the days shown have data on ${c.current.daysWithData} of ${c.current.days} days`,
    );
  }
  return gaps.join(', and ');
}
