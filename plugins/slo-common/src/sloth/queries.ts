import { ResolvedSlo } from '../openslo/types';

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/g;

const withWindow = (query: string, window: string) =>
  query.replace(WINDOW_PLACEHOLDER, window).trim();

const COMPARISON = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * The PromQL expression for the SLO's error ratio over `window` (a Prometheus
 * duration such as `5m`, `30d` or `1234s`). Timeslice SLOs count the share
 * of bad slices with a subquery at the slice resolution.
 */
export function errorRatioQuery(slo: ResolvedSlo, window: string): string {
  const { indicator, timeslice } = slo;
  if (indicator.kind === 'ratio' && !timeslice) {
    const total = withWindow(indicator.total, window);
    return indicator.bad !== undefined
      ? `(${withWindow(indicator.bad, window)}) / (${total})`
      : `1 - ((${withWindow(indicator.good!, window)}) / (${total}))`;
  }
  const slice = timeslice?.window ?? '1m';
  let goodSlice: string;
  if (indicator.kind === 'ratio') {
    const total = withWindow(indicator.total, slice);
    const sli =
      indicator.bad !== undefined
        ? `1 - ((${withWindow(indicator.bad, slice)}) / (${total}))`
        : `(${withWindow(indicator.good!, slice)}) / (${total})`;
    goodSlice = `(${sli}) >= bool ${timeslice?.target ?? slo.target}`;
  } else {
    goodSlice = `(${withWindow(indicator.query, slice)}) ${
      COMPARISON[indicator.op]
    } bool ${indicator.value}`;
  }
  return `1 - avg_over_time((${goodSlice})[${window}:${slice}])`;
}
