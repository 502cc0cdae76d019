/** Index of the last element of `sorted` whose value is at most `limit`, or -1. */
export function lastAtMost<T>(
  sorted: readonly T[],
  value: (item: T) => number,
  limit: number,
): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (value(sorted[mid]) <= limit) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
