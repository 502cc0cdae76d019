// Each figure of a set of catalog page samples as median, minimum and
// maximum, so that one slow or fast run does not decide a figure.
import type { CatalogPageSample } from './measure';

/** Median, minimum and maximum of one figure over the runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spreadOf(values: number[]): Spread {
  if (values.length === 0) {
    throw new Error('No samples to summarise');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Each figure of a set of samples as median, minimum and maximum. */
export function summarise(
  samples: CatalogPageSample[],
): Record<keyof CatalogPageSample, Spread> {
  const figures: Array<keyof CatalogPageSample> = [
    'rowsShownMs',
    'jsBytes',
    'totalBytes',
    'jsRequests',
    'jsFromCache',
  ];
  return Object.fromEntries(
    figures.map(figure => [figure, spreadOf(samples.map(s => s[figure]))]),
  ) as Record<keyof CatalogPageSample, Spread>;
}
