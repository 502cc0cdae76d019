import { ResolvedSlo } from '@gogidix/plugin-slo-common';
import { demoSloSeries } from './series';

function slo(
  indicator: ResolvedSlo['indicator'],
  timeslice?: ResolvedSlo['timeslice'],
): ResolvedSlo {
  return {
    id: 'svc-x',
    name: 'x',
    displayName: 'X',
    service: 'svc',
    source: 'test',
    indicatorName: 'svc-x',
    indicator,
    target: 0.99,
    timeWindow: { kind: 'rolling', duration: '30d', seconds: 30 * 86400 },
    budgetingMethod: timeslice ? 'Timeslices' : 'Occurrences',
    ...(timeslice ? { timeslice } : {}),
    runbook: 'r',
    alertPolicies: [],
    labels: {},
  };
}

const w = '[{{.window}}]';
const rows = (s: ResolvedSlo) =>
  demoSloSeries(s).series.map(
    x => `${x.name}${JSON.stringify(x.labels)}=${x.counts}`,
  );

describe('demoSloSeries', () => {
  it.each([
    {
      what: 'a counter split by a negative regex (good query)',
      indicator: {
        kind: 'ratio' as const,
        good: `sum(rate(http_requests_total{service="a",code!~"5.."}${w}))`,
        total: `sum(rate(http_requests_total{service="a"}${w}))`,
      },
      series: [
        'http_requests_total{"service":"a","code":"200"}=good',
        'http_requests_total{"service":"a","code":"503"}=bad',
      ],
    },
    {
      what: 'a counter split by equality (bad query)',
      indicator: {
        kind: 'ratio' as const,
        bad: `sum(rate(jobs_total{service="a",outcome="failed"}${w}))`,
        total: `sum(rate(jobs_total{service="a"}${w}))`,
      },
      series: [
        'jobs_total{"service":"a","outcome":"failed"}=bad',
        'jobs_total{"service":"a","outcome":"succeeded"}=good',
      ],
    },
    {
      what: "a histogram's bucket over its count",
      indicator: {
        kind: 'ratio' as const,
        good: `sum(rate(d_seconds_bucket{service="a",le="0.3"}${w}))`,
        total: `sum(rate(d_seconds_count{service="a"}${w}))`,
      },
      series: [
        'd_seconds_bucket{"service":"a","le":"0.3"}=good',
        'd_seconds_bucket{"service":"a","le":"+Inf"}=total',
        'd_seconds_count{"service":"a"}=total',
      ],
    },
  ])('serves $what', ({ indicator, series }) => {
    expect(rows(slo(indicator))).toEqual(series);
  });

  it('serves a latency timeslice SLO as a histogram around its threshold', () => {
    const s = slo(
      {
        kind: 'threshold',
        query: `histogram_quantile(0.99, sum by (le) (rate(d_seconds_bucket{service="a"}${w})))`,
        op: 'lte',
        value: 0.5,
      },
      { window: '1m' },
    );
    expect(demoSloSeries(s).quantile).toBe(0.99);
    expect(rows(s)).toEqual([
      'd_seconds_bucket{"service":"a","le":"0.5"}=good',
      'd_seconds_bucket{"service":"a","le":"1"}=total',
      'd_seconds_bucket{"service":"a","le":"+Inf"}=total',
      'd_seconds_count{"service":"a"}=total',
    ]);
  });

  it.each([
    {
      what: 'two selectors in one query',
      indicator: {
        kind: 'ratio' as const,
        good: `sum(rate(a_total{x="1"}${w})) + sum(rate(b_total{x="1"}${w}))`,
        total: `sum(rate(a_total${w}))`,
      },
      message: /one metric selector/,
    },
    {
      what: 'a label with no known values',
      indicator: {
        kind: 'ratio' as const,
        good: `sum(rate(a_total{x="1",region!~"eu.*"}${w}))`,
        total: `sum(rate(a_total{x="1"}${w}))`,
      },
      message: /no region values/,
    },
    {
      what: 'unrelated good and total metrics',
      indicator: {
        kind: 'ratio' as const,
        good: `sum(rate(a_total{x="1"}${w}))`,
        total: `sum(rate(b_total{x="1"}${w}))`,
      },
      message: /not a_total over b_total/,
    },
  ])('names the SLO it cannot serve: $what', ({ indicator, message }) => {
    expect(() => demoSloSeries(slo(indicator))).toThrow(/SLO svc-x/);
    expect(() => demoSloSeries(slo(indicator))).toThrow(message);
  });
});
