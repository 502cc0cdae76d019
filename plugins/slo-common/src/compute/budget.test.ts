import {
  alertState,
  budgetStatus,
  burnRate,
  burnRates,
  errorBudget,
  errorRatioFromCounts,
  Measured,
  sliFromErrorRatio,
} from './budget';
import { compliancePeriod } from './windows';
import { evaluateSlo, WindowErrorRatios } from './evaluate';
import { ResolvedSlo } from '../openslo/types';
import { BurnRateWindow } from './windows';

// Compares measured values to nine decimals (+0 folds -0 into 0).
const rounded = (value: Measured) =>
  value === 'missing' ? value : Number(value.toFixed(9)) + 0;

describe('errorRatioFromCounts', () => {
  it.each([
    [{ good: 999, total: 1000 }, 0.001],
    [{ bad: 5, total: 1000 }, 0.005],
    [{ good: 0, total: 10 }, 1],
    [{ good: 10, total: 0 }, 'missing'],
    [{ bad: 0, total: 0 }, 'missing'],
    [{ good: 12, total: 10 }, 0], // counter resets can overshoot: clamp
  ])('%o gives %p', (counts, expected) => {
    expect(rounded(errorRatioFromCounts(counts))).toBe(
      rounded(expected as Measured),
    );
  });
});

describe('sli, burn rate and budget', () => {
  it.each<[Measured, number, Measured, Measured, Measured]>([
    // errorRatio, target, sli, burn rate, budget remaining
    [0, 0.999, 1, 0, 1],
    [0.0005, 0.999, 0.9995, 0.5, 0.5],
    [0.001, 0.999, 0.999, 1, 0],
    [0.0144, 0.999, 0.9856, 14.4, -13.4],
    [0.01, 0.99, 0.99, 1, 0],
    ['missing', 0.999, 'missing', 'missing', 'missing'],
  ])('error ratio %p at target %p', (ratio, target, sli, rate, remaining) => {
    const check = (actual: Measured, expected: Measured) =>
      expect(rounded(actual)).toBe(rounded(expected));
    check(sliFromErrorRatio(ratio), sli);
    check(burnRate(ratio, target), rate);
    check(errorBudget(target, ratio).remaining, remaining);
  });

  it('never turns an empty result into 100%', () => {
    expect(sliFromErrorRatio(NaN)).toBe('missing');
    expect(errorBudget(0.999, NaN).remaining).toBe('missing');
  });
});

const rates = (values: Partial<Record<BurnRateWindow, number>>) =>
  burnRates(
    Object.fromEntries(
      Object.entries(values).map(([w, r]) => [w, (r as number) * 0.001]),
    ),
    0.999,
  );

describe('alertState', () => {
  const quiet = {
    '5m': 0.5,
    '30m': 0.5,
    '1h': 0.5,
    '2h': 0.5,
    '6h': 0.5,
    '1d': 0.5,
    '3d': 0.5,
  };
  it.each<[string, Partial<Record<BurnRateWindow, number>>, string]>([
    ['all quiet', quiet, 'ok'],
    ['fast burn on 1h and 5m', { ...quiet, '1h': 15, '5m': 20 }, 'page'],
    ['1h burning but 5m recovered', { ...quiet, '1h': 15, '5m': 2 }, 'ok'],
    ['slower burn on 6h and 30m', { ...quiet, '6h': 7, '30m': 6.5 }, 'page'],
    ['exactly 6x is not above 6x', { ...quiet, '6h': 6, '30m': 6 }, 'ok'],
    ['1d and 2h above 3x', { ...quiet, '1d': 3.5, '2h': 4 }, 'ticket'],
    ['3d and 6h above 1x', { ...quiet, '3d': 1.2, '6h': 1.1 }, 'ticket'],
    [
      'page wins over ticket',
      { '5m': 20, '30m': 20, '1h': 20, '2h': 20, '6h': 20, '1d': 20, '3d': 20 },
      'page',
    ],
    // Nothing evaluated is not "not firing".
    ['no data at all', {}, 'none'],
    [
      'a burning short window whose long window has no data',
      { '5m': 0.5, '30m': 0.5, '1h': 0.5, '2h': 0.5, '1d': 0.5, '6h': 2 },
      'missing',
    ],
    [
      'a quiet short window settles a missing long one',
      { '5m': 0, '30m': 0, '2h': 0, '6h': 0 },
      'ok',
    ],
    ['one firing condition beats missing data', { '5m': 20, '1h': 20 }, 'page'],
  ])('%s', (_, values, expected) => {
    expect(alertState(rates(values)).state).toBe(expected);
  });
});

describe('budgetStatus', () => {
  const ok = alertState(
    rates({ '5m': 0, '30m': 0, '1h': 0, '2h': 0, '6h': 0, '1d': 0, '3d': 0 }),
  );
  const paging = alertState(rates({ '5m': 20, '1h': 20 }));
  it.each<[Measured, typeof ok, string]>([
    [0.0001, ok, 'healthy'],
    [0.0008, ok, 'at-risk'],
    [0.0001, paging, 'at-risk'],
    [0.001, ok, 'exhausted'],
    [0.003, paging, 'exhausted'],
    ['missing', ok, 'missing'],
  ])('period error ratio %p', (ratio, alert, expected) => {
    expect(budgetStatus(errorBudget(0.999, ratio), alert)).toBe(expected);
  });
});

describe('compliancePeriod', () => {
  const at = new Date('2026-02-10T12:00:00Z');
  it('looks back a whole rolling window', () => {
    const period = compliancePeriod(
      { kind: 'rolling', duration: '28d', seconds: 28 * 86400 },
      at,
    );
    expect(period.start.toISOString()).toBe('2026-01-13T12:00:00.000Z');
    expect(period.elapsedSeconds).toBe(28 * 86400);
  });
  it('covers the calendar month so far', () => {
    const period = compliancePeriod(
      {
        kind: 'calendar',
        duration: '1M',
        timeZone: 'UTC',
        seconds: 30 * 86400,
      },
      at,
    );
    expect(period.start.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(period.elapsedSeconds).toBe(9.5 * 86400);
    expect(period.periodSeconds).toBe(28 * 86400);
  });
});

describe('evaluateSlo uses the factors of the SLO period', () => {
  // A burn of 14x on 1h and 5m: above 13.44 (the 28-day page factor),
  // below 14.4 (the 30-day one), as the generated Prometheus alerts judge it.
  const slo = (duration: string, days: number): ResolvedSlo => ({
    id: 's-a',
    name: 'a',
    displayName: 'A',
    service: 's',
    source: 'test',
    indicatorName: 'a',
    indicator: { kind: 'ratio', good: 'g', total: 't' },
    target: 0.999,
    timeWindow: { kind: 'rolling', duration, seconds: days * 86400 },
    budgetingMethod: 'Occurrences',
    runbook: 'r',
    alertPolicies: [],
    labels: {},
  });
  const ratios: WindowErrorRatios = {
    period: 0.0005,
    '5m': 0.014,
    '30m': 0,
    '1h': 0.014,
    '2h': 0,
    '6h': 0,
    '1d': 0,
    '3d': 0,
  };
  it.each([
    ['28d', 28, 'page', 13.44],
    ['30d', 30, 'ok', 14.4],
  ])('%s', (duration, days, state, factor) => {
    const evaluation = evaluateSlo(slo(duration, days), ratios, new Date(0));
    expect(evaluation.alert.state).toBe(state);
    expect(evaluation.alert.conditions[0].factor).toBe(factor);
  });
});
