import { median } from './options';

/** The median by sorting: the definition the selection must match. */
const sortedMedian = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

describe('median', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1], 2],
    [[5, 1, 3], 3],
    [[4, 4, 4, 4], 4],
    [[0, 10, 10, 10, 0, 0], 5],
    [[2.5, 0.1, 1 / 3, 1 / 3], 1 / 3],
  ])('of %j is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'equals the sorted middle on generated samples (seed %i)',
    seed => {
      let state = seed;
      const next = () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
      };
      for (let round = 0; round < 50; round++) {
        const length = 1 + Math.floor(next() * 400);
        // Few distinct values in some rounds (whole minutes repeat), sorted
        // or reversed runs in others: the cases that slow a selection.
        const distinct = round % 3 === 0 ? 3 : 1_000_000;
        let values = Array.from(
          { length },
          () => Math.floor(next() * distinct) / 60,
        );
        if (round % 5 === 1) values = values.sort((a, b) => a - b);
        if (round % 5 === 2) values = values.sort((a, b) => b - a);
        const input = [...values];
        expect(median(values)).toBe(sortedMedian(values));
        expect(values).toEqual(input);
      }
    },
  );
});
