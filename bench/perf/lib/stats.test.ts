import { median, percentile, spread, summary } from './stats';

describe('run summaries', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('the median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([
    [50, 5],
    [95, 10],
    [99, 10],
    [10, 1],
  ])('the nearest-rank P%d of 1..10 is %d', (p, expected) => {
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], p)).toBe(expected);
  });

  it('prints the median and the spread', () => {
    expect(spread([2.345, 1.2], 1)).toBe('1.2-2.3');
    expect(summary([30, 10, 20])).toBe('20 (10-30)');
  });
});
