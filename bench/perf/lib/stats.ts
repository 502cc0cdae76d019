/** Summaries of repeated runs: the median, and the spread as min-max. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of a list of samples. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export function spread(values: number[], digits = 0): string {
  return `${round(Math.min(...values), digits)}-${round(
    Math.max(...values),
    digits,
  )}`;
}

export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** "median (min-max)" */
export function summary(values: number[], digits = 0): string {
  return `${round(median(values), digits)} (${spread(values, digits)})`;
}
