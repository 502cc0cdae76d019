import {
  addDays,
  comparePeriods,
  dailySeries,
  daysBetween,
  monthEndForecast,
  periodChange,
  topMovers,
} from './series';

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s + %d = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
  it.each([
    ['2026-11-01', '2026-11-01', 1],
    ['2026-10-01', '2026-10-31', 31],
    // across the end of daylight saving time in Europe: still whole days
    ['2026-10-20', '2026-11-02', 14],
  ])('%s..%s is %d days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('dailySeries', () => {
  it('fills quiet days with zero and sums parts', () => {
    expect(
      dailySeries(
        [
          { date: '2026-11-01', part: 'Compute', cost: 1.111 },
          { date: '2026-11-01', part: 'Compute', cost: 2 },
          { date: '2026-11-01', part: 'Storage', cost: 1 },
          { date: '2026-11-03', part: 'Storage', cost: 4 },
          { date: '2026-11-09', part: 'Storage', cost: 99 },
        ],
        '2026-11-01',
        '2026-11-03',
      ),
    ).toEqual([
      { date: '2026-11-01', total: 4.11, parts: { Compute: 3.11, Storage: 1 } },
      { date: '2026-11-02', total: 0, parts: {} },
      { date: '2026-11-03', total: 4, parts: { Storage: 4 } },
    ]);
  });
});

describe('periodChange', () => {
  it.each([
    [120, 100, { current: 120, previous: 100, change: 20, changeRatio: 0.2 }],
    [50, 100, { current: 50, previous: 100, change: -50, changeRatio: -0.5 }],
    [10, 0, { current: 10, previous: 0, change: 10, changeRatio: null }],
  ])('%d against %d', (current, previous, expected) => {
    expect(periodChange(current, previous)).toEqual(expected);
  });

  it('has no change at all when the periods cannot be compared', () => {
    expect(periodChange(1578, 100, false)).toEqual({
      current: 1578,
      previous: 100,
      change: null,
      changeRatio: null,
    });
  });
});

describe('comparePeriods', () => {
  const days = (from: string, count: number) =>
    new Set(Array.from({ length: count }, (_, i) => addDays(from, i)));

  it.each([
    [
      // Data from 1 September to 5 December; the 90 days shown start on
      // 7 September, so the 90 before (9 June to 6 September) hold 6 days.
      'the 90-day view of a bill that starts 96 days back',
      days('2026-09-01', 96),
      ['2026-09-07', '2026-12-05'],
      {
        current: 90,
        previous: 6,
        previousFrom: '2026-06-09',
        comparable: false,
      },
    ],
    [
      'the 30-day view of the same bill',
      days('2026-09-01', 96),
      ['2026-11-06', '2026-12-05'],
      {
        current: 30,
        previous: 30,
        previousFrom: '2026-10-07',
        comparable: true,
      },
    ],
    [
      'a day missing from the previous period',
      new Set([...days('2026-10-01', 60)].filter(d => d !== '2026-10-10')),
      ['2026-10-31', '2026-11-29'],
      {
        current: 30,
        previous: 29,
        previousFrom: '2026-10-01',
        comparable: false,
      },
    ],
    [
      'a day missing from the period shown',
      new Set([...days('2026-10-01', 60)].filter(d => d !== '2026-11-10')),
      ['2026-10-31', '2026-11-29'],
      {
        current: 29,
        previous: 30,
        previousFrom: '2026-10-01',
        comparable: false,
      },
    ],
    [
      'no data at all',
      new Set<string>(),
      ['2026-11-01', '2026-11-07'],
      {
        current: 0,
        previous: 0,
        previousFrom: '2026-10-25',
        comparable: false,
      },
    ],
  ])('%s', (_, dates, [from, to], expected) => {
    const c = comparePeriods(dates, from, to);
    expect({
      current: c.current.daysWithData,
      previous: c.previous.daysWithData,
      previousFrom: c.previous.from,
      comparable: c.comparable,
    }).toEqual(expected);
    expect(c.previous.days).toBe(c.current.days);
    expect(c.previous.to).toBe(addDays(from, -1));
  });
});

describe('monthEndForecast', () => {
  const flat = (from: string, days: number, cost: number) =>
    Array.from({ length: days }, (_, i) => ({
      date: addDays(from, i),
      total: cost,
      parts: {},
    }));

  it.each([
    [
      'a flat month halfway through',
      flat('2026-11-01', 15, 10),
      '2026-11-15',
      { month: '2026-11', monthToDate: 150, forecast: 300, remainingDays: 15 },
    ],
    [
      'a step up in the last week follows the new rate',
      [...flat('2026-10-20', 19, 10), ...flat('2026-11-08', 7, 20)],
      '2026-11-14',
      { month: '2026-11', monthToDate: 210, forecast: 530, remainingDays: 16 },
    ],
    [
      'the last day of February',
      flat('2026-02-01', 28, 1),
      '2026-02-28',
      { month: '2026-02', monthToDate: 28, forecast: 28, remainingDays: 0 },
    ],
    [
      'no data',
      [],
      '2026-11-10',
      { month: '2026-11', monthToDate: 0, forecast: 0, remainingDays: 20 },
    ],
  ])('%s', (_, series, asOf, expected) => {
    expect(monthEndForecast(series, asOf)).toEqual(expected);
  });
});

describe('topMovers', () => {
  it('orders by absolute change, drops the unchanged, keeps disappeared keys', () => {
    const movers = topMovers(
      new Map([
        ['a', 100],
        ['b', 10],
        ['c', 5],
      ]),
      new Map([
        ['a', 90],
        ['c', 5],
        ['d', 40],
      ]),
    );
    expect(movers.map(m => [m.key, m.change])).toEqual([
      ['d', -40],
      ['a', 10],
      ['b', 10],
    ]);
  });
});
