import { prometheusDuration } from '../openslo/duration';
import { SloTimeWindow } from '../openslo/types';
import { complementText, percentText } from './decimal';
import { burnRateAlertConditions, compliancePeriod } from './windows';

const DAY = 86400;

describe('burnRateAlertConditions', () => {
  // Factor = budget share x period / long window, worked out by hand as
  // fractions: e.g. 28 days, 10% in 3 days: 0.1 x 28 / 3 = 28/30.
  it.each<[string, number, number[]]>([
    ['30 days (the SRE workbook figures)', 30 * DAY, [14.4, 6, 3, 1]],
    ['28 days', 28 * DAY, [13.44, 5.6, 2.8, 28 / 30]],
    ['7 days', 7 * DAY, [3.36, 1.4, 0.7, 7 / 30]],
    ['90 days', 90 * DAY, [43.2, 18, 9, 3]],
    ['36 hours', 36 * 3600, [0.72, 0.3, 0.15, 0.05]],
  ])('%s', (_, seconds, factors) => {
    const conditions = burnRateAlertConditions(seconds);
    expect(conditions.map(c => [c.severity, c.long, c.short])).toEqual([
      ['page', '1h', '5m'],
      ['page', '6h', '30m'],
      ['ticket', '1d', '2h'],
      ['ticket', '3d', '6h'],
    ]);
    expect(conditions.map(c => c.factor)).toEqual(factors);
  });
});

describe('prometheusDuration', () => {
  it.each([
    [28 * DAY, '4w'],
    [30 * DAY, '30d'],
    [36 * 3600, '1d12h'],
    [7 * DAY, '1w'],
    [365 * DAY, '1y'],
    [90 * DAY, '90d'],
    [300, '5m'],
    [3 * DAY, '3d'],
    [90, '1m30s'],
  ])('%p seconds is %p', (seconds, text) => {
    expect(prometheusDuration(seconds)).toBe(text);
  });

  it('refuses what Prometheus cannot spell', () => {
    expect(() => prometheusDuration(1.5)).toThrow(/whole, positive/);
  });
});

describe('exact decimals', () => {
  it.each([
    [0.999, '0.001', '99.9'],
    [0.999999, '0.000001', '99.9999'],
    [0.9995, '0.0005', '99.95'],
    [0.99, '0.01', '99'],
    [0, '1', '0'],
    [0.5, '0.5', '50'],
    [1e-7, '0.9999999', '0.00001'],
  ])('%p: budget %p, objective %p%%', (target, budget, percent) => {
    expect(complementText(target)).toBe(budget);
    expect(percentText(target)).toBe(percent);
  });
});

describe('compliancePeriod for calendar windows', () => {
  const calendar = (
    duration: string,
    timeZone: string,
    startTime?: string,
  ): SloTimeWindow => ({
    kind: 'calendar',
    duration,
    timeZone,
    ...(startTime ? { startTime } : {}),
    seconds: 30 * DAY,
  });
  it.each<[string, SloTimeWindow, string, string, number]>([
    // window, at, expected start, expected length of the whole period (s)
    [
      'a UTC month',
      calendar('1M', 'UTC'),
      '2026-02-10T12:00:00Z',
      '2026-02-01T00:00:00.000Z',
      28 * DAY,
    ],
    // Berlin is UTC+1 in winter: its March starts at 23:00 UTC on 28 Feb,
    // and March loses an hour to summer time.
    [
      'a Berlin month',
      calendar('1M', 'Europe/Berlin'),
      '2026-03-15T00:00:00Z',
      '2026-02-28T23:00:00.000Z',
      31 * DAY - 3600,
    ],
    [
      'just before a Berlin month starts',
      calendar('1M', 'Europe/Berlin'),
      '2026-02-28T22:59:59Z',
      '2026-01-31T23:00:00.000Z',
      28 * DAY,
    ],
    // The spec's example: months from the 21st at 12:30 in New York (UTC-5 in January).
    [
      'months from a start time',
      calendar('1M', 'America/New_York', '2020-01-21 12:30:00'),
      '2026-01-25T00:00:00Z',
      '2026-01-21T17:30:00.000Z',
      31 * DAY,
    ],
    [
      'a UTC quarter',
      calendar('1Q', 'UTC'),
      '2026-05-20T00:00:00Z',
      '2026-04-01T00:00:00.000Z',
      91 * DAY,
    ],
    [
      'an ISO week (Monday) in UTC',
      calendar('1w', 'UTC'),
      '2026-12-10T08:00:00Z',
      '2026-12-07T00:00:00.000Z',
      7 * DAY,
    ],
    [
      'a year in Tokyo',
      calendar('1Y', 'Asia/Tokyo'),
      '2026-06-01T00:00:00Z',
      '2025-12-31T15:00:00.000Z',
      365 * DAY,
    ],
  ])('%s', (_, window, at, start, length) => {
    const period = compliancePeriod(window, new Date(at));
    expect(period.start.toISOString()).toBe(start);
    expect(period.periodSeconds).toBe(length);
    expect(period.elapsedSeconds).toBe(
      (Date.parse(at) - Date.parse(start)) / 1000,
    );
  });
});
