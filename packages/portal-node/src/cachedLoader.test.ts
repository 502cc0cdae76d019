import { CachedLoader } from './cachedLoader';

function setup(
  options: { ttlMs?: number; maxEntries?: number; clock?: number } = {},
) {
  let clock = options.clock ?? 1_000;
  const loader = new CachedLoader<string>({
    ttlMs: options.ttlMs ?? 100,
    maxEntries: options.maxEntries ?? 10,
    now: () => clock,
  });
  let loads = 0;
  const load = (value: string) => async () => {
    loads++;
    return `${value}#${loads}`;
  };
  return {
    loader,
    load,
    loads: () => loads,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('CachedLoader', () => {
  it('serves a loaded value until the ttl has passed, then loads again', async () => {
    const { loader, load, advance } = setup({ ttlMs: 100 });
    expect(await loader.get('a', load('a'))).toBe('a#1');
    advance(99);
    expect(await loader.get('a', load('a'))).toBe('a#1');
    advance(2);
    expect(await loader.get('a', load('a'))).toBe('a#2');
  });

  it('shares one load between concurrent callers of the same key', async () => {
    const { loader, load, loads } = setup();
    const values = await Promise.all([
      loader.get('a', load('a')),
      loader.get('a', load('a')),
      loader.get('a', load('a')),
    ]);
    expect(values).toEqual(['a#1', 'a#1', 'a#1']);
    expect(loads()).toBe(1);
  });

  it('keeps keys apart', async () => {
    const { loader, load } = setup();
    expect(await loader.get('a', load('a'))).toBe('a#1');
    expect(await loader.get('b', load('b'))).toBe('b#2');
  });

  it('does not keep a failed load: the next call tries again', async () => {
    const { loader, load } = setup();
    await expect(
      loader.get('a', () => Promise.reject(new Error('catalog down'))),
    ).rejects.toThrow('catalog down');
    expect(await loader.get('a', load('a'))).toBe('a#1');
  });

  it('drops the least recently used key when full', async () => {
    const { loader, load } = setup({ maxEntries: 2 });
    await loader.get('a', load('a'));
    await loader.get('b', load('b'));
    await loader.get('a', load('a'));
    await loader.get('c', load('c'));
    expect(loader.size).toBe(2);
    expect(await loader.get('a', load('a'))).toBe('a#1');
    expect(await loader.get('b', load('b'))).toBe('b#4');
  });

  it('forgets everything on clear', async () => {
    const { loader, load } = setup();
    await loader.get('a', load('a'));
    loader.clear();
    expect(await loader.get('a', load('a'))).toBe('a#2');
  });

  it('with a ttl of 0 keeps nothing, but still shares a load in flight', async () => {
    const { loader, load, loads } = setup({ ttlMs: 0 });
    const [first, second] = await Promise.all([
      loader.get('a', load('a')),
      loader.get('a', load('a')),
    ]);
    expect([first, second]).toEqual(['a#1', 'a#1']);
    expect(await loader.get('a', load('a'))).toBe('a#2');
    expect(loads()).toBe(2);
  });

  it('expires values loaded at clock 0 too', async () => {
    const { loader, load, advance } = setup({ ttlMs: 100, clock: 0 });
    expect(await loader.get('a', load('a'))).toBe('a#1');
    advance(101);
    expect(await loader.get('a', load('a'))).toBe('a#2');
  });
});
