import { parseAsOf } from './asOf';

const now = new Date('2026-12-07T12:00:00Z');

describe('parseAsOf', () => {
  it('is now when at is absent', () => {
    expect(parseAsOf(undefined, now)).toBe(now);
  });

  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01t10:00:00z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00:00.250Z', '2026-12-01T10:00:00.250Z'],
    ['2026-12-01T11:00:00+01:00', '2026-12-01T10:00:00.000Z'],
    // `+01:00` sent unescaped reaches the route as " 01:00".
    ['2026-12-01T11:00:00 01:00', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T05:00:00-05:00', '2026-12-01T10:00:00.000Z'],
    // Within a minute of the server's clock: the caller's clock may be ahead.
    ['2026-12-07T12:00:59Z', '2026-12-07T12:00:59.000Z'],
  ])('reads %s', (at, expected) => {
    expect(parseAsOf(at, now).toISOString()).toBe(expected);
  });

  it.each([
    ['yesterday'],
    ['2026-12-01'],
    ['2026-12-01T10:00Z'],
    ['2026-12-01T10:00:00'],
    ['2026-02-30T10:00:00Z'],
    ['2026-12-01T25:00:00Z'],
    ['1764583200'],
  ])('refuses %s, naming the field and the format', at => {
    expect(() => parseAsOf(at, now)).toThrow(
      `at must be an RFC 3339 date-time such as 2026-12-01T10:00:00Z (UTC) or 2026-12-01T11:00:00+01:00, got "${at}"`,
    );
  });

  it('refuses at given twice', () => {
    expect(() => parseAsOf(['2026-12-01T10:00:00Z', 'x'], now)).toThrow(
      'at must be given once',
    );
  });

  it('refuses a moment in the future', () => {
    expect(() => parseAsOf('2026-12-07T12:01:01Z', now)).toThrow(
      'at (2026-12-07T12:01:01Z) is in the future',
    );
  });
});
