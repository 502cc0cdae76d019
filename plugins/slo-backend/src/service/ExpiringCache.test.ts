import { ExpiringCache } from './ExpiringCache';

describe('ExpiringCache', () => {
  let clock = 0;
  const cache = () =>
    new ExpiringCache<number>({ ttlMs: 1000, maxEntries: 2, now: () => clock });

  beforeEach(() => {
    clock = 0;
  });

  it('keeps a value for the stated time, then loads it again', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ++loads;
    expect(await c.get('a', load)).toBe(1);
    clock = 999;
    expect(await c.get('a', load)).toBe(1);
    clock = 1000;
    expect(await c.get('a', load)).toBe(2);
  });

  it('shares one load between concurrent callers of a key, not across keys', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ++loads;
    const [a1, a2, b] = await Promise.all([
      c.get('a', load),
      c.get('a', load),
      c.get('b', load),
    ]);
    expect([a1, a2, b]).toEqual([1, 1, 2]);
  });

  it('does not keep a failed load', async () => {
    const c = cache();
    await expect(
      c.get('a', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    expect(await c.get('a', async () => 7)).toBe(7);
  });

  it('drops the oldest entry when full', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ++loads;
    await c.get('a', load);
    await c.get('b', load);
    await c.get('c', load);
    expect(await c.get('b', load)).toBe(2);
    expect(await c.get('a', load)).toBe(4);
  });
});
