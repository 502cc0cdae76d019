import { addDays } from '@gogidix/plugin-cost-common';
import { AttributedCost, costOverview, datesWithData } from './costOverview';

// November 2026: the week shown is the 20th to the 26th, compared with the
// 13th to the 19th; rows are read from the 1st for the anomaly baseline and
// the month so far. Every expected figure below is worked out by hand from
// the rows, not by the functions under test.
const window = {
  from: '2026-11-20',
  to: '2026-11-26',
  previousFrom: '2026-11-13',
  earliest: '2026-11-01',
};

function rows(): AttributedCost[] {
  const out: AttributedCost[] = [];
  for (let date = window.earliest; date <= window.to; date = addDays(date, 1)) {
    // Listings: 10 a day, with a jump to 100 once in each week compared.
    out.push({
      date,
      entityRef: 'component:default/listings-service',
      team: 'listings',
      system: 'marketplace',
      rule: 'service-tag',
      serviceCategory: 'Compute',
      service: 'listings-service',
      cost: date === '2026-11-15' || date === '2026-11-24' ? 100 : 10,
    });
    // Payments: 5 a day, then 8 a day from the first day shown.
    out.push({
      date,
      entityRef: 'component:default/payments-service',
      team: 'payments',
      system: 'payments',
      rule: 'service-tag',
      serviceCategory: 'Databases',
      service: 'payments-service',
      cost: date < window.from ? 5 : 8,
    });
    // Cost nobody claims: 2 a day, only in the week shown.
    if (date >= window.from) {
      out.push({
        date,
        entityRef: null,
        team: 'unallocated',
        system: null,
        rule: 'unallocated',
        serviceCategory: 'Networking',
        service: 'Unallocated',
        cost: 2,
      });
    }
  }
  return out;
}

const overview = (costs = rows()) =>
  costOverview({
    costs,
    window,
    days: 7,
    team: null,
    currency: 'EUR',
    budgets: { listings: 400 },
    datesWithData: datesWithData(costs),
  });

describe('costOverview', () => {
  it('totals the week shown against the week before', () => {
    const o = overview();
    // Shown: listings 6×10 + 100 = 160, payments 7×8 = 56, unallocated 7×2 = 14.
    // Before: listings 6×10 + 100 = 160, payments 7×5 = 35.
    expect(o.total).toEqual({
      current: 230,
      previous: 195,
      change: 35,
      changeRatio: 35 / 195,
    });
    expect(o.unallocated).toBe(14);
    expect([o.from, o.to, o.days, o.currency, o.team]).toEqual([
      '2026-11-20',
      '2026-11-26',
      7,
      'EUR',
      null,
    ]);
  });

  it('ranks teams by the week shown, with a forecast only where there is a budget', () => {
    const [listings, payments, unallocated, ...rest] = overview().teams;
    expect(rest).toEqual([]);
    expect(listings).toMatchObject({
      team: 'listings',
      current: 160,
      previous: 160,
      change: 0,
    });
    // Month to date: 24×10 + 2×100 = 440; then 4 days left in November at
    // the last 7 days' average (160 / 7).
    expect(listings.budget?.monthly).toBe(400);
    expect(listings.budget?.monthToDate).toBe(440);
    expect(listings.budget?.forecast).toBeCloseTo(440 + (4 * 160) / 7, 2);
    expect(payments).toMatchObject({
      team: 'payments',
      current: 56,
      previous: 35,
      change: 21,
      budget: null,
    });
    expect(payments.changeRatio).toBeCloseTo(0.6, 10);
    expect(unallocated).toMatchObject({
      team: 'unallocated',
      current: 14,
      previous: 0,
      changeRatio: null,
    });
  });

  it('groups by system, cost with no system as unallocated', () => {
    expect(
      overview().systems.map(s => [s.system, s.current, s.previous]),
    ).toEqual([
      ['marketplace', 160, 160],
      ['payments', 56, 35],
      ['unallocated', 14, 0],
    ]);
  });

  it('lists what moved, largest change first, and leaves out what did not', () => {
    expect(
      overview().movers.map(m => [m.entityRef, m.name, m.team, m.change]),
    ).toEqual([
      [
        'component:default/payments-service',
        'payments-service',
        'payments',
        21,
      ],
      [null, 'Unallocated', 'unallocated', 14],
    ]);
  });

  it('splits each day shown by team', () => {
    const daily = overview().daily;
    expect(daily.map(d => d.date)).toEqual([
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(daily[4]).toEqual({
      date: '2026-11-24',
      total: 110,
      parts: { listings: 100, payments: 8, unallocated: 2 },
    });
  });

  it('forecasts the whole month from everything read', () => {
    // Month to date: listings 440, payments 19×5 + 7×8 = 151, unallocated 14.
    const { forecast } = overview();
    expect(forecast.monthToDate).toBe(605);
    expect(forecast.remainingDays).toBe(4);
    expect(forecast.forecast).toBeCloseTo(605 + (4 * 230) / 7, 2);
  });

  it('says the periods compare when data covers both', () => {
    expect(overview().comparison).toEqual({
      current: {
        from: '2026-11-20',
        to: '2026-11-26',
        days: 7,
        daysWithData: 7,
      },
      previous: {
        from: '2026-11-13',
        to: '2026-11-19',
        days: 7,
        daysWithData: 7,
      },
      comparable: true,
    });
  });

  it('compares nothing when a day of the previous week has no data', () => {
    // The bill has no data for the 13th: the week before is 6 of 7 days,
    // listings 5×10 + 100 = 150, payments 6×5 = 30.
    const o = overview(rows().filter(c => c.date !== '2026-11-13'));
    expect(o.comparison.previous.daysWithData).toBe(6);
    expect(o.comparison.comparable).toBe(false);
    expect(o.total).toEqual({
      current: 230,
      previous: 180,
      change: null,
      changeRatio: null,
    });
    expect(o.teams.map(t => [t.team, t.change, t.changeRatio])).toEqual([
      ['listings', null, null],
      ['payments', null, null],
      ['unallocated', null, null],
    ]);
    expect(o.systems.every(s => s.change === null)).toBe(true);
    expect(o.movers).toEqual([]);
  });

  it('shows anomalies of the days shown only, per service', () => {
    // Listings costs 10 a day with 100 on the 15th and the 24th. The 24th
    // has 23 days of history, one of them high: one high day is not yet a
    // pattern, so it stands out against its usual 10. The 15th stood out
    // too, but before the week shown. Payments' step from 5 to 8 is +3,
    // under the floor of 10; unallocated's 2 a day is too small to list.
    expect(overview().anomalies).toEqual([
      {
        team: 'listings',
        name: 'listings-service',
        entityRef: 'component:default/listings-service',
        date: '2026-11-24',
        actual: 100,
        historyDays: 23,
        usual: 10,
        usualHigh: null,
        reference: 10,
        increase: 90,
        category: 'Compute',
        categoryIncrease: 90,
      },
    ]);
    expect(overview().unchecked).toEqual([]);
  });
});
