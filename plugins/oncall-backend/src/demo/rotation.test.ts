import { demoObjectId, weeklyRotation } from './rotation';

describe('weeklyRotation', () => {
  const team = ['ana', 'ben', 'cleo'];
  // 2026-12-07 is a Monday, 1071 days = 153 weeks after 2024-01-01:
  // week 153 is 153 mod 3 = 0, so ana holds it from 09:00 UTC.
  it.each([
    [
      'the person on call at an instant',
      '2026-12-08T12:00:00Z',
      '2026-12-08T12:00:00Z',
      [['ana', '2026-12-07T09:00:00.000Z', '2026-12-14T09:00:00.000Z']],
    ],
    [
      'the hand-over minute belongs to the next person',
      '2026-12-14T09:00:00Z',
      '2026-12-14T09:00:00Z',
      [['ben', '2026-12-14T09:00:00.000Z', '2026-12-21T09:00:00.000Z']],
    ],
    [
      'just before the hand-over',
      '2026-12-07T08:59:59Z',
      '2026-12-07T08:59:59Z',
      [['cleo', '2026-11-30T09:00:00.000Z', '2026-12-07T09:00:00.000Z']],
    ],
    [
      'fourteen days ahead: three whole shifts',
      '2026-12-08T12:00:00Z',
      '2026-12-22T12:00:00Z',
      [
        ['ana', '2026-12-07T09:00:00.000Z', '2026-12-14T09:00:00.000Z'],
        ['ben', '2026-12-14T09:00:00.000Z', '2026-12-21T09:00:00.000Z'],
        ['cleo', '2026-12-21T09:00:00.000Z', '2026-12-28T09:00:00.000Z'],
      ],
    ],
    [
      'before the first hand-over the rotation runs backwards',
      '2023-12-31T00:00:00Z',
      '2023-12-31T00:00:00Z',
      // week -1: (-1 mod 3) = 2
      [['cleo', '2023-12-25T09:00:00.000Z', '2024-01-01T09:00:00.000Z']],
    ],
  ])('%s', (_, since, until, expected) => {
    expect(
      weeklyRotation(team, new Date(since), new Date(until)).map(s => [
        s.member,
        s.start.toISOString(),
        s.end.toISOString(),
      ]),
    ).toEqual(expected);
  });

  it('has nobody on call for a team without members', () => {
    expect(weeklyRotation([], new Date(), new Date())).toEqual([]);
  });
});

describe('demoObjectId', () => {
  it('is stable, PagerDuty-shaped and differs by kind', () => {
    const id = demoObjectId('user', 'jane.doe');
    expect(id).toMatch(/^P[0-9A-Z]{6}$/);
    expect(demoObjectId('user', 'jane.doe')).toBe(id);
    expect(demoObjectId('schedule', 'jane.doe')).not.toBe(id);
  });
});
