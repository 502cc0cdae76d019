import { DeploymentEvent } from '../events';
import { budgetBurnedAfter, BudgetReading } from './budgetBurn';

const BASE = Date.parse('2026-03-01T00:00:00Z');
const at = (minute: number) => new Date(BASE + minute * 60_000).toISOString();

const deploy = (
  id: string,
  finishedMinute: number | null,
): DeploymentEvent => ({
  id,
  source: 'github',
  entityRef: 'component:default/payments',
  environment: 'production',
  status: finishedMinute === null ? 'in_progress' : 'success',
  sha: id,
  startedAt: at(0),
  finishedAt: finishedMinute === null ? null : at(finishedMinute),
  commits: [],
  rollbackOf: null,
});

// Readings every 10 minutes: flat, a 6-point burn, a 2-point recovery, a
// 1-point burn.
const SERIES: BudgetReading[] = [
  [0, 0.9],
  [10, 0.9],
  [20, 0.87],
  [30, 0.84],
  [40, 0.86],
  [50, 0.85],
].map(([minute, remaining]) => ({ ts: at(minute), remaining }));

describe('budgetBurnedAfter', () => {
  it.each<[string, number | null, number, number | null, boolean]>([
    ['a quiet hour before the burn', 0, 1 / 6, 0, true],
    ['the burn, recovery not subtracted', 10, 40 / 60, 0.07, true],
    ['the burn so far when the readings end', 40, 1, 0.01, false],
    ['from the middle of a reading interval', 15, 1 / 6, 0.03, true],
    ['recovery alone burns nothing', 30, 10 / 60, 0, true],
    ['a deploy after the last reading has no figure', 51, 1, null, false],
    ['a deploy before the first reading has no figure', -1, 1, null, false],
    ['a deploy in progress has no figure', null, 1, null, false],
  ])('%s', (_name, minute, hours, burned, complete) => {
    const [result] = budgetBurnedAfter([deploy('d1', minute)], SERIES, hours);
    expect(result.complete).toBe(complete);
    expect(result.burned === null ? null : result.burned.toFixed(12)).toBe(
      burned === null ? null : burned.toFixed(12),
    );
  });

  it('sums the falls minute by minute the same way', () => {
    // An independent reading: sample the budget each minute and add the falls.
    const remainingAt = (minute: number) => {
      const i = Math.min(Math.floor(minute / 10), SERIES.length - 2);
      const [a, b] = [SERIES[i].remaining!, SERIES[i + 1].remaining!];
      return a + ((b - a) * (minute - i * 10)) / 10;
    };
    for (let start = 0; start <= 50; start++) {
      for (const hours of [0.25, 0.5, 1]) {
        let expected = 0;
        const end = Math.min(start + hours * 60, 50);
        for (let m = start; m < end; m++) {
          expected += Math.max(0, remainingAt(m) - remainingAt(m + 1));
        }
        const [result] = budgetBurnedAfter([deploy('d', start)], SERIES, hours);
        expect([start, hours, result.burned]).toEqual([
          start,
          hours,
          expect.closeTo(expected, 12),
        ]);
      }
    }
  });

  it('reads unordered readings in time order', () => {
    const [result] = budgetBurnedAfter(
      [deploy('d1', 10)],
      [...SERIES].reverse(),
      1 / 6,
    );
    expect(result.burned).toBeCloseTo(0.03, 12);
  });

  it.each<[string, number, number | null]>([
    ['a missing reading inside the hours', 15, null],
    ['a missing reading the end is read between', 5, null],
    ['a missing reading the start is read between', 25, null],
    ['a missing reading after the readings used', 0, 0],
    ['a missing reading before the readings used', 30, 0],
  ])('%s', (_name, minute, burned) => {
    // The reading at minute 20 is missing; the hours are 10 minutes long.
    const gappy = SERIES.map(r =>
      r.ts === at(20) ? { ...r, remaining: null } : r,
    );
    const [result] = budgetBurnedAfter([deploy('d1', minute)], gappy, 1 / 6);
    expect(result.burned === null ? null : result.burned.toFixed(12)).toBe(
      burned === null ? null : burned.toFixed(12),
    );
    expect(result.complete).toBe(burned !== null);
  });

  it('refuses a window of no hours', () => {
    expect(() => budgetBurnedAfter([], SERIES, 0)).toThrow(RangeError);
  });
});
