import { isIngested } from './ingest';

describe('isIngested', () => {
  const done = { known: 10, unprocessed: 0, stitchPending: 0, stitched: 10 };

  it('is true when every known entity is processed and stitched', () => {
    expect(isIngested(done, 10)).toBe(true);
  });

  it.each([
    ['fewer entities known than expected', { ...done }, 11],
    ['an entity not processed yet', { ...done, unprocessed: 1 }, 10],
    ['a stitch still queued', { ...done, stitchPending: 1 }, 10],
    ['an entity without a final body', { ...done, stitched: 9 }, 10],
  ])('is false with %s', (_, progress, expected) => {
    expect(isIngested(progress, expected)).toBe(false);
  });
});
