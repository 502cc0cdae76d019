import { SloStatus, burnRateAlertConditions } from '@gogidix/plugin-slo-common';
import { alertRuleText, windowText } from './SloCard';

const DAY = 86_400;

function statusWith(slo: Partial<SloStatus['slo']>): SloStatus {
  return {
    slo,
    burnDown: [],
    links: { runbook: '/r' },
  } as unknown as SloStatus;
}

describe('windowText', () => {
  it.each([
    [
      { kind: 'rolling', duration: '28d', seconds: 28 * DAY },
      'Occurrences',
      'rolling 28d, events',
    ],
    [
      {
        kind: 'calendar',
        duration: '1Q',
        timeZone: 'Europe/Berlin',
        seconds: 90 * DAY,
      },
      'Timeslices',
      'calendar 1Q (Europe/Berlin), time slices',
    ],
    [
      { kind: 'calendar', duration: '1M', timeZone: 'UTC', seconds: 30 * DAY },
      'RatioTimeslices',
      'calendar 1M (UTC), ratio time slices',
    ],
  ])('%j with %s reads "%s"', (timeWindow, budgetingMethod, expected) => {
    expect(windowText(statusWith({ timeWindow, budgetingMethod } as any))).toBe(
      expected,
    );
  });
});

describe('alertRuleText', () => {
  it('states the 30-day factors of the SRE workbook', () => {
    expect(alertRuleText(burnRateAlertConditions(30 * DAY))).toBe(
      'Pages at 14.4× (1h and 5m) or 6× (6h and 30m); ' +
        'tickets at 3× (1d and 2h) or 1× (3d and 6h).',
    );
  });

  it('states the factors a 28-day period gives, not the 30-day ones', () => {
    // 2% of the budget in 1h of 28d: 0.02 * 672h / 1h = 13.44; 5% in 6h:
    // 0.05 * 672 / 6 = 5.6; 10% in 24h: 2.8; 10% in 72h: 0.9333… → 0.93.
    expect(alertRuleText(burnRateAlertConditions(28 * DAY))).toBe(
      'Pages at 13.44× (1h and 5m) or 5.6× (6h and 30m); ' +
        'tickets at 2.8× (1d and 2h) or 0.93× (3d and 6h).',
    );
  });
});
