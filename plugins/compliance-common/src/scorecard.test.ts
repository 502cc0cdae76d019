import { CheckLevel, CheckStatus } from './api';
import {
  controlStatus,
  countStatuses,
  passRate,
  scorecardLevel,
} from './scorecard';

const c = (level: CheckLevel, status: CheckStatus) => ({ level, status });

describe('scorecardLevel', () => {
  it.each([
    ['no checks at all', [], 'gold'],
    [
      'a failing bronze check',
      [c('bronze', 'fail'), c('silver', 'pass')],
      'none',
    ],
    ['an erroring bronze check', [c('bronze', 'error')], 'none'],
    [
      'a pending silver check holds the level at bronze',
      [c('bronze', 'pass'), c('silver', 'pending'), c('gold', 'pass')],
      'bronze',
    ],
    [
      'bronze met, silver failing',
      [c('bronze', 'pass'), c('silver', 'fail'), c('gold', 'pass')],
      'bronze',
    ],
    [
      'a waiver counts as met',
      [c('bronze', 'waived'), c('silver', 'pass'), c('gold', 'fail')],
      'silver',
    ],
    [
      'everything met',
      [c('bronze', 'pass'), c('silver', 'pass'), c('gold', 'waived')],
      'gold',
    ],
    [
      'gold met but silver not',
      [c('bronze', 'pass'), c('silver', 'fail'), c('gold', 'pass')],
      'bronze',
    ],
  ] as const)('%s', (_, checks, expected) => {
    expect(scorecardLevel([...checks])).toBe(expected);
  });
});

describe('controlStatus', () => {
  it.each([
    [['pass', 'waived'], 'pass'],
    [['pass', 'error'], 'error'],
    [['error', 'fail'], 'fail'],
    [['fail'], 'fail'],
    [['pass', 'pending'], 'pending'],
    [['pending', 'error'], 'error'],
    [['pending', 'fail'], 'fail'],
  ] as const)('%j is %s', (statuses, expected) => {
    expect(controlStatus([...statuses])).toBe(expected);
  });
});

describe('passRate', () => {
  it('counts waived checks as met and errors as not met', () => {
    const counts = countStatuses(['pass', 'waived', 'fail', 'error']);
    expect(counts).toEqual({
      passed: 1,
      failed: 1,
      errors: 1,
      pending: 0,
      waived: 1,
    });
    expect(passRate(counts)).toBe(0.5);
  });
  it('counts pending checks as not yet met', () => {
    const counts = countStatuses(['pass', 'pass', 'pending', 'pending']);
    expect(counts).toEqual({
      passed: 2,
      failed: 0,
      errors: 0,
      pending: 2,
      waived: 0,
    });
    expect(passRate(counts)).toBe(2 / 4);
  });
  it('is null with nothing evaluated', () => {
    expect(passRate(countStatuses([]))).toBeNull();
  });
});
