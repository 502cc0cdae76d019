import { CatalogAnswer, CatalogReadCache } from './CatalogReadCache';

function answer(text: string): CatalogAnswer {
  return {
    body: Buffer.from(text),
    headers: [['content-type', 'application/json; charset=utf-8']],
  };
}

function cacheAt(
  clock: { time: number },
  overrides: Partial<ConstructorParameters<typeof CatalogReadCache>[0]> = {},
) {
  return new CatalogReadCache({
    maxAgeMs: 1_000,
    maxEntries: 10,
    maxEntryBytes: 100,
    maxTotalBytes: 1_000,
    now: () => clock.time,
    ...overrides,
  });
}

describe('CatalogReadCache', () => {
  it('keeps an answer for less than maxAge, counted from when the miss began', () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    const flight = cache.takeOff('k');
    clock.time = 400; // the catalog took 400 ms to answer
    flight.land(answer('one'));
    clock.time = 999;
    expect(cache.get('k')?.body.toString()).toBe('one');
    clock.time = 1_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('lets one request refresh an answer from half its age while the others are still served it', () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    cache.takeOff('k').land(answer('one'));
    clock.time = 499;
    expect(cache.claimRefresh('k')).toBe(false);
    clock.time = 500;
    expect(cache.claimRefresh('k')).toBe(true);
    const refresh = cache.takeOff('k');
    expect(cache.claimRefresh('k')).toBe(false);
    expect(cache.get('k')?.body.toString()).toBe('one');
    clock.time = 700;
    refresh.land(answer('two'));
    // The refreshed answer counts its age from when the refresh began.
    clock.time = 1_499;
    expect(cache.get('k')?.body.toString()).toBe('two');
    clock.time = 1_500;
    expect(cache.get('k')).toBeUndefined();
  });

  it('never serves an answer past maxAge while its refresh is still on its way', () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    cache.takeOff('k').land(answer('one'));
    clock.time = 600;
    expect(cache.claimRefresh('k')).toBe(true);
    cache.takeOff('k');
    clock.time = 1_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('lets concurrent misses wait for the first and share its answer', async () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    expect(cache.inFlight('k')).toBeUndefined();
    const flight = cache.takeOff('k');
    const waiting = cache.inFlight('k');
    expect(waiting).toBeDefined();
    flight.land(answer('one'));
    expect((await waiting)?.body.toString()).toBe('one');
    expect(cache.inFlight('k')).toBeUndefined();
  });

  it('does not let a request wait for a miss that began longer than maxAge ago', () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    cache.takeOff('k');
    clock.time = 1_000;
    expect(cache.inFlight('k')).toBeUndefined();
  });

  it('keeps nothing that was begun before an invalidation, and tells waiting requests so', async () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    cache.takeOff('kept').land(answer('kept'));
    const flight = cache.takeOff('k');
    const waiting = cache.inFlight('k');
    cache.invalidate();
    flight.land(answer('before the write'));
    expect(await waiting).toBeUndefined();
    expect(cache.get('k')).toBeUndefined();
    expect(cache.get('kept')).toBeUndefined();
  });

  it('keeps no failed answer and no answer over the size limit', async () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    cache.takeOff('failed').land(undefined);
    cache.takeOff('large').land(answer('x'.repeat(101)));
    expect(cache.get('failed')).toBeUndefined();
    expect(cache.get('large')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used answers past maxEntries or maxTotalBytes', () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock, { maxEntries: 2, maxTotalBytes: 1_000 });
    cache.takeOff('a').land(answer('a'));
    cache.takeOff('b').land(answer('b'));
    cache.get('a');
    cache.takeOff('c').land(answer('c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();

    const bytes = cacheAt(clock, { maxEntries: 100, maxTotalBytes: 150 });
    bytes.takeOff('a').land(answer('a'.repeat(100)));
    bytes.takeOff('b').land(answer('b'.repeat(100)));
    expect(bytes.get('a')).toBeUndefined();
    expect(bytes.get('b')).toBeDefined();
  });

  it('keeps an answer another replica began for what is left of its maxAge', () => {
    const clock = { time: 5_000 };
    const cache = cacheAt(clock);
    expect(cache.takeOff('k').land(answer('shared'), 700)).toBe(true);
    // Kept from another replica, it is renewed from 3/4 maxAge, not 1/2.
    expect(cache.claimRefresh('k')).toBe(false);
    clock.time = 5_050;
    expect(cache.claimRefresh('k')).toBe(true);
    clock.time = 5_299;
    expect(cache.get('k')?.body.toString()).toBe('shared');
    clock.time = 5_300;
    expect(cache.get('k')).toBeUndefined();
    expect(cache.takeOff('old').land(answer('too old'), 1_000)).toBe(false);
    expect(cache.get('old')).toBeUndefined();
  });

  it('forgets everything when the shared generation moves on, not when it stays', () => {
    const clock = { time: 0 };
    const cache = cacheAt(clock);
    cache.follow('g1');
    cache.takeOff('k').land(answer('one'));
    cache.follow('g1');
    expect(cache.get('k')).toBeDefined();
    cache.follow('g2');
    expect(cache.get('k')).toBeUndefined();
  });
});
