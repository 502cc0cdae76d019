import { judgeDay, judgeSeries, SeriesDay } from './anomalies';
import { addDays } from './series';

// Generated series of 84 days from Monday 7 September 2026; days 0 to 27
// are history only, days 28 to 83 are judged. The expected verdicts follow
// from how each series is built (which days were made unusual), not from
// the functions under test; the figures are worked out by hand in comments.
const START = '2026-09-07';
const LENGTH = 84;
const JUDGED_FROM = addDays(START, 28);
const day = (i: number) => addDays(START, i);
const isWeekend = (i: number) => i % 7 === 5 || i % 7 === 6;

function series(cost: (i: number) => number | null): SeriesDay[] {
  return Array.from({ length: LENGTH }, (_, i) => {
    const c = cost(i);
    return {
      date: day(i),
      cost: c,
      parts: c === null ? undefined : { Compute: c },
    };
  });
}

// ±4% noise on a three-day cycle: any 28 days hold 9 or 10 of each of
// 0.96, 1 and 1.04, so their median is exactly 1.
const noise = (i: number) => [1, 0.96, 1.04][i % 3];
const steady = (i: number) => 100 * noise(i);
const weekly = (i: number) => (isWeekend(i) ? 20 : 200) * noise(i);
// Training days at irregular intervals, at least two in any 28 days.
const TRAINING = [
  2, 5, 13, 16, 17, 24, 31, 33, 41, 44, 52, 58, 59, 66, 71, 75, 80,
];
const bursty = (i: number) => (TRAINING.includes(i) ? 400 * noise(i) : 5);

const anomalousDays = (s: SeriesDay[]) =>
  judgeSeries(s, JUDGED_FROM).anomalies.map(a => a.date);

describe('judgeSeries on generated series', () => {
  it.each([
    ['steady', series(steady), []],
    [
      'steady, a day at five times its usual cost',
      series(i => (i === 60 ? 500 : steady(i))),
      [day(60)],
    ],
    ['weekly: quiet weekends', series(weekly), []],
    // A weekend at its weekday level is below the weekday bar: not flagged.
    [
      'weekly, a Saturday at weekday level',
      series(i => (i === 61 ? 200 : weekly(i))),
      [],
    ],
    [
      'weekly, a Tuesday at five times a Tuesday',
      series(i => (i === 57 ? 1000 : weekly(i))),
      [day(57)],
    ],
    ['bursty: idle days and training days', series(bursty), []],
    [
      'bursty, a training day at five times the usual run',
      series(i => (i === 66 ? 2000 : bursty(i))),
      [day(66)],
    ],
    // The first two days at the new level stand out; from the third, the
    // window holds two high days and the new level is the pattern.
    [
      'a step change from 100 to 300',
      series(i => (i >= 50 ? 300 : steady(i))),
      [day(50), day(51)],
    ],
    [
      'a single-day spike',
      series(i => (i === 40 ? 380 : steady(i))),
      [day(40)],
    ],
    [
      'a second spike six days after the first',
      series(i => (i === 40 || i === 46 ? 380 : steady(i))),
      [day(40), day(46)],
    ],
    [
      'a rise of 30%, below the bar of 1.5 times',
      series(i => (i >= 40 && i < 43 ? 130 : steady(i))),
      [],
    ],
    [
      'a tiny service: +€9 is below the €10 floor',
      series(i => (i === 50 ? 12 : 3)),
      [],
    ],
    [
      'missing days: a gap in the exports',
      series(i => (i >= 40 && i < 60 ? null : steady(i))),
      [],
    ],
  ])('%s', (_, s, expected) => {
    expect(anomalousDays(s)).toEqual(expected);
  });
});

describe('what an anomaly says', () => {
  it('gives the day, its usual cost and the category that rose', () => {
    const s = series(i => (i === 60 ? 500 : steady(i)));
    s[60].parts = { Compute: 100, Databases: 400 };
    // Day 60 is a Friday (60 = 8 weeks + 4 days). The 28 days before hold
    // the cycle's three values 9 or 10 times each: median 100. The four
    // Fridays before (days 32, 39, 46, 53) cost 104, 100, 96, 104: lower
    // median 100. No day was high.
    expect(judgeSeries(s, JUDGED_FROM)).toEqual({
      anomalies: [
        {
          date: day(60),
          actual: 500,
          historyDays: 28,
          usual: 100,
          usualHigh: null,
          reference: 100,
          increase: 400,
          // Databases was 0 on every day before; Compute stayed at its median.
          category: 'Databases',
          categoryIncrease: 400,
        },
      ],
      unchecked: [],
    });
  });

  it('compares a bursty service with its usual training day', () => {
    const [anomaly] = judgeSeries(
      series(i => (i === 66 ? 2000 : bursty(i))),
      JUDGED_FROM,
    ).anomalies;
    // Day 66 is a Thursday. The window before it (days 38 to 65) holds
    // training days 41, 44, 52, 58, 59 at 400 × noise: 416, 416, 384, 384,
    // 416 (median 416), and 23 idle days at 5 (median 5). The Thursdays
    // 38, 45, 52, 59 cost 5, 5, 384, 416: lower median 5.
    expect(anomaly).toMatchObject({
      actual: 2000,
      usual: 5,
      usualHigh: 416,
      reference: 416,
      increase: 1584,
    });
  });
});

describe('not enough history, instead of an anomaly', () => {
  it('after a gap: a spike is reported as not checked, not as an anomaly', () => {
    const s = series(i => {
      if (i >= 40 && i < 60) return null;
      return i === 62 ? 500 : steady(i);
    });
    // Day d has days d-28 to d-1 as its window. Days 60 to 73 hold fewer
    // than 14 days with data (day 73: 60..72, 13 days); day 74 has 14.
    expect(judgeSeries(s, JUDGED_FROM)).toEqual({
      anomalies: [],
      unchecked: [{ reason: 'short', days: 14, first: day(60), last: day(73) }],
    });
  });

  it('a new service: never "usual €0.00"', () => {
    // Costs nothing (with data) until day 40, then 50 a day. Days 40 and 41
    // have no usual cost; from day 42 the two days at 50 are its pattern.
    const s = series(i => (i >= 40 ? 50 : 0));
    expect(judgeSeries(s, JUDGED_FROM)).toEqual({
      anomalies: [],
      unchecked: [
        { reason: 'no-usual-cost', days: 2, first: day(40), last: day(41) },
      ],
    });
  });

  it.each([
    [
      'no data on the day',
      { date: day(30), cost: null },
      [],
      { verdict: 'no-data' },
    ],
    [
      'thirteen days of history',
      { date: day(13), cost: 500 },
      series(steady).slice(0, 13),
      { verdict: 'not-enough-history', reason: 'short', historyDays: 13 },
    ],
    [
      'only days older than four weeks',
      { date: day(70), cost: 500 },
      series(steady).slice(0, 40),
      { verdict: 'not-enough-history', reason: 'short', historyDays: 0 },
    ],
  ])('%s', (_, d, before, expected) => {
    expect(judgeDay(d as SeriesDay, before)).toEqual(expected);
  });
});
