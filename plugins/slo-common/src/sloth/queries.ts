import { ResolvedSlo, SloIndicator } from '../openslo/types';

/*
 * The one place PromQL for an SLI is built: the Sloth rules and the portal's
 * own Prometheus queries both call errorRatioQuery, so the page and the
 * alerts measure the same thing.
 */

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;

/** Resolution of the subqueries that average instant values over a window. */
export const SAMPLE_STEP = '1m';

const withWindow = (query: string, window: string) =>
  query.replace(WINDOW_PLACEHOLDER, window).trim();

const COMPARISON = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

const averaged = (expr: string, window: string) =>
  `avg_over_time((${expr})[${window}:${SAMPLE_STEP}])`;

/**
 * One ratio the indicator gives over `window`, and whether it is the good or
 * the bad share; the other is one minus it.
 */
function indicatorRatio(
  indicator: SloIndicator,
  window: string,
): { of: 'good' | 'bad'; expr: string } {
  if (indicator.kind === 'threshold') {
    const sample = `(${withWindow(indicator.query, SAMPLE_STEP)}) ${
      COMPARISON[indicator.op]
    } bool ${indicator.value}`;
    // The share of samples that meet the threshold.
    return { of: 'good', expr: averaged(sample, window) };
  }
  if (indicator.kind === 'raw') {
    const of = indicator.rawType === 'success' ? 'good' : 'bad';
    return indicator.form === 'gauge'
      ? { of, expr: averaged(indicator.query.trim(), window) }
      : { of, expr: `(${withWindow(indicator.query, window)})` };
  }
  const of = indicator.bad !== undefined ? 'bad' : 'good';
  const numerator = (indicator.bad ?? indicator.good)!;
  switch (indicator.form) {
    case 'counter':
      return {
        of,
        expr: `sum(increase(${numerator}[${window}])) / sum(increase(${indicator.total}[${window}]))`,
      };
    case 'gauge':
      // Summed like the counters: the two queries' series need not carry
      // the same labels (good often selects on a code the total lacks).
      return {
        of,
        expr: averaged(
          `sum(${numerator.trim()}) / sum(${indicator.total.trim()})`,
          window,
        ),
      };
    default:
      return {
        of,
        expr: `(${withWindow(numerator, window)}) / (${withWindow(
          indicator.total,
          window,
        )})`,
      };
  }
}

function share(indicator: SloIndicator, window: string, of: 'good' | 'bad') {
  const ratio = indicatorRatio(indicator, window);
  return ratio.of === of ? ratio.expr : `1 - (${ratio.expr})`;
}

/** PromQL for the SLI (share of good events) of one indicator over `window`. */
export function goodRatioQuery(slo: ResolvedSlo, window: string): string {
  return share(slo.indicator, window, 'good');
}

/**
 * The PromQL expression for the SLO's error ratio over `window` (a Prometheus
 * duration such as `5m`, `4w` or `1234s`):
 * - Occurrences: bad / total events (counters through `increase()`, gauges
 *   and raw ratios averaged, threshold metrics as the share of samples
 *   missing the threshold);
 * - Timeslices: the share of slices that missed the slice target (or, for a
 *   threshold metric without one, the threshold), with a subquery at the
 *   slice length;
 * - RatioTimeslices: one minus the average of the slices' good ratios.
 */
export function errorRatioQuery(slo: ResolvedSlo, window: string): string {
  const { indicator, timeslice, budgetingMethod } = slo;
  if (budgetingMethod === 'Occurrences' || !timeslice) {
    return share(indicator, window, 'bad');
  }
  const slice = timeslice.window;
  // A slice without events has no ratio (0/0 is NaN): `>= 0` leaves it out
  // instead of counting it bad, or poisoning the average with NaN.
  const sliceRatio = `(${goodRatioQuery(slo, slice)}) >= 0`;
  if (budgetingMethod === 'RatioTimeslices') {
    return `1 - avg_over_time((${sliceRatio})[${window}:${slice}])`;
  }
  let goodSlice: string;
  if (indicator.kind === 'threshold' && timeslice.target === undefined) {
    goodSlice = `(${withWindow(indicator.query, slice)}) ${
      COMPARISON[indicator.op]
    } bool ${indicator.value}`;
  } else {
    goodSlice = `(${sliceRatio}) >= bool ${timeslice.target ?? slo.target}`;
  }
  return `1 - avg_over_time((${goodSlice})[${window}:${slice}])`;
}
