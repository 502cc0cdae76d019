import { DeploymentEvent, MetricValue } from '@gogidix/plugin-delivery-common';
import {
  deploymentLeadHours,
  formatFrequency,
  formatMinutes,
  METRICS,
  trendOf,
} from './format';

const metric = (key: string) => METRICS.find(m => m.key === key)!;

const value = (v: Partial<MetricValue>): MetricValue => ({
  value: 1,
  previous: 1,
  change: 0,
  band: null,
  sample: 1,
  ...v,
});

describe('formatFrequency', () => {
  it.each([
    [0, 'none'],
    [3.24, '3.2 a day'],
    [1, '1 a day'],
    // Below one a day, a week's worth: 0.5 * 7 = 3.5.
    [0.5, '3.5 a week'],
    [1 / 7, '1 a week'],
    // Below one a week, a month's worth: 0.1 * 30 = 3.
    [0.1, '3 a month'],
  ])('%p a day reads %p', (perDay, text) => {
    expect(formatFrequency(perDay)).toBe(text);
  });
});

describe('formatMinutes', () => {
  it.each([
    [0.4, '< 1 min'],
    [4.6, '5 min'],
    [59.4, '59 min'],
    [90, '1.5 h'],
    [47 * 60, '47 h'],
    [48 * 60, '2 days'],
    [3.25 * 24 * 60, '3.3 days'],
  ])('%p minutes read %p', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('trendOf', () => {
  it.each([
    // More deployments is good news, a longer lead time bad news.
    ['deploymentFrequency', 0.2, 'better', '+20% against the previous 30 days'],
    [
      'deploymentFrequency',
      -0.25,
      'worse',
      '-25% against the previous 30 days',
    ],
    ['leadTimeHours', 0.5, 'worse', '+50% against the previous 30 days'],
    ['incidentCount', -0.5, 'better', '-50% against the previous 30 days'],
    ['changeFailureRate', 0, 'same', '0% against the previous 30 days'],
  ])('%s changed by %p: %s', (key, change, tone, text) => {
    expect(trendOf(metric(key), value({ change }), 30)).toEqual({
      text,
      tone,
    });
  });

  it('says what the previous period had when no ratio can be taken', () => {
    expect(
      trendOf(
        metric('incidentCount'),
        value({ previous: 0, change: null }),
        90,
      ),
    ).toEqual({ text: '0 in the previous 90 days', tone: 'same' });
    expect(
      trendOf(
        metric('timeToRestoreMinutes'),
        value({ previous: null, change: null }),
        30,
      ),
    ).toEqual({
      text: 'Nothing to compare against the previous 30 days',
      tone: 'same',
    });
  });
});

describe('deploymentLeadHours', () => {
  const deployment = (
    finishedAt: string | null,
    committed: string[],
  ): DeploymentEvent => ({
    id: 'github:acme/payments-api:1',
    source: 'github',
    entityRef: 'component:default/payments-api',
    environment: 'production',
    status: finishedAt ? 'success' : 'in_progress',
    sha: 'abc1234',
    startedAt: '2026-12-01T09:00:00Z',
    finishedAt,
    commits: committed.map((committedAt, i) => ({
      sha: `c${i}`,
      committedAt,
    })),
    rollbackOf: null,
  });

  it.each([
    // 10:00 - 08:00 = 2 h.
    ['one commit', '2026-12-01T10:00:00Z', ['2026-12-01T08:00:00Z'], 2],
    // 1 h, 3 h and 12 h: the middle one.
    [
      'an odd number of commits',
      '2026-12-01T12:00:00Z',
      ['2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z', '2026-12-01T00:00:00Z'],
      3,
    ],
    // 1 h and 4 h: their mean.
    [
      'an even number of commits',
      '2026-12-01T12:00:00Z',
      ['2026-12-01T08:00:00Z', '2026-12-01T11:00:00Z'],
      2.5,
    ],
    ['no new commit', '2026-12-01T12:00:00Z', [], null],
    ['a deployment still running', null, ['2026-12-01T08:00:00Z'], null],
  ])('%s', (_, finishedAt, committed, hours) => {
    expect(deploymentLeadHours(deployment(finishedAt, committed))).toBe(hours);
  });
});
