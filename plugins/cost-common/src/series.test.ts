import {
  addDays,
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
