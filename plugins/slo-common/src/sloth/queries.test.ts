// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- tests only: promtool runs from Node
import { runCommand } from '@gogidix/infra-validation';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ResolvedSlo, SloIndicator } from '../openslo/types';
import { errorRatioQuery } from './queries';

const PROMTOOL = process.env.PORTAL_PROMTOOL ?? 'promtool';

function slo(
  indicator: SloIndicator,
  budgetingMethod: ResolvedSlo['budgetingMethod'] = 'Occurrences',
  timeslice?: ResolvedSlo['timeslice'],
): ResolvedSlo {
  return {
    id: 'shop-checkout',
    name: 'checkout',
    displayName: 'Checkout',
    service: 'shop',
    source: 'test',
    indicatorName: 'checkout',
    indicator,
    target: 0.99,
    timeWindow: { kind: 'rolling', duration: '28d', seconds: 28 * 86400 },
    budgetingMethod,
    ...(timeslice ? { timeslice } : {}),
    runbook: 'slo-checkout-burn',
    alertPolicies: [],
    labels: {},
  };
}

const counter: SloIndicator = {
  kind: 'ratio',
  form: 'counter',
  good: 'requests_good_total',
  total: 'requests_total',
};
const sliced: SloIndicator = {
  kind: 'ratio',
  form: 'counter',
  good: 'slice_good_total',
  total: 'slice_total',
};
const latency: SloIndicator = {
  kind: 'threshold',
  form: 'gauge',
  query: 'latency_seconds',
  op: 'lte',
  value: 0.3,
};

const CASES: Record<string, ResolvedSlo> = {
  'counter-good': slo(counter),
  'counter-bad': slo({
    kind: 'ratio',
    form: 'counter',
    bad: 'requests_failed_total{code="500"}',
    total: 'requests_total',
  }),
  'gauge-bad': slo({
    kind: 'ratio',
    form: 'gauge',
    bad: 'sessions_failed{reason="payment"}',
    total: 'sessions',
  }),
  'template-good': slo({
    kind: 'ratio',
    form: 'window-template',
    good: 'sum(rate(requests_good_total[{{.window}}]))',
    total: 'sum(rate(requests_total[{{.window}}]))',
  }),
  'raw-success': slo({
    kind: 'raw',
    form: 'gauge',
    rawType: 'success',
    query: 'availability_ratio',
  }),
  'raw-failure-template': slo({
    kind: 'raw',
    form: 'window-template',
    rawType: 'failure',
    query: 'max_over_time(error_ratio[{{.window}}])',
  }),
  'threshold-occurrences': slo(latency),
  'threshold-timeslices': slo(latency, 'Timeslices', { window: '1m' }),
  'ratio-timeslices': slo(sliced, 'Timeslices', {
    window: '1m',
    target: 0.95,
  }),
  'ratio-ratiotimeslices': slo(sliced, 'RatioTimeslices', { window: '1m' }),
};

describe('errorRatioQuery', () => {
  it.each<[string, string]>([
    [
      'counter-good',
      '1 - (sum(increase(requests_good_total[1h])) / sum(increase(requests_total[1h])))',
    ],
    [
      'counter-bad',
      'sum(increase(requests_failed_total{code="500"}[1h])) / sum(increase(requests_total[1h]))',
    ],
    [
      'gauge-bad',
      'avg_over_time((sum(sessions_failed{reason="payment"}) / sum(sessions))[1h:1m])',
    ],
    [
      'template-good',
      '1 - ((sum(rate(requests_good_total[1h]))) / (sum(rate(requests_total[1h]))))',
    ],
    ['raw-success', '1 - (avg_over_time((availability_ratio)[1h:1m]))'],
    ['raw-failure-template', '(max_over_time(error_ratio[1h]))'],
    [
      'threshold-occurrences',
      '1 - (avg_over_time(((latency_seconds) <= bool 0.3)[1h:1m]))',
    ],
    [
      'threshold-timeslices',
      '1 - avg_over_time(((latency_seconds) <= bool 0.3)[1h:1m])',
    ],
    [
      'ratio-timeslices',
      '1 - avg_over_time((((sum(increase(slice_good_total[1m])) / sum(increase(slice_total[1m]))) >= 0) >= bool 0.95)[1h:1m])',
    ],
    [
      'ratio-ratiotimeslices',
      '1 - avg_over_time(((sum(increase(slice_good_total[1m])) / sum(increase(slice_total[1m]))) >= 0)[1h:1m])',
    ],
  ])('%s', (name, expected) => {
    expect(errorRatioQuery(CASES[name], '1h')).toBe(expected);
  });
});

/*
 * The same expressions evaluated by promtool on series written here. The
 * expected figures are counted by hand from the series: requests arrive at
 * 100 a minute, 99 of them good (1 in 100 bad); latency is 0.5 s (over the
 * 0.3 s threshold) at minutes 110 to 114 and 0.2 s otherwise; for the time
 * slices, a second pair of counters gains 100 a minute, 90 of them good in
 * minutes 100, 101 and 102, and nothing at all in minutes 61 to 80.
 * Prometheus 2 evaluates a subquery [w:1m] at every whole minute from t-w to
 * t, both included: 61 points in an hour, 31 in 30 minutes, 6 in 5 minutes.
 */
const EVAL_MINUTE = 120;
const points = (minutes: number) =>
  Array.from({ length: minutes + 1 }, (_, i) => EVAL_MINUTE - minutes + i);
const fractionOf = (minutes: number, bad: (m: number) => number) =>
  points(minutes).reduce((sum, m) => sum + bad(m), 0) / (minutes + 1);
const slowLatency = (m: number) => (m >= 110 && m <= 114 ? 1 : 0);
const shortSlice = (m: number) => (m >= 100 && m <= 102 ? 1 : 0);
/** Minutes without any event: their slices have no ratio and are left out. */
const quiet = (m: number) => m >= 61 && m <= 80;
const sliceShareOf = (minutes: number, bad: (m: number) => number) => {
  const withEvents = points(minutes).filter(m => !quiet(m));
  return withEvents.reduce((sum, m) => sum + bad(m), 0) / withEvents.length;
};

const EXPECTED: Record<string, Record<string, number>> = {
  // 1 bad in 100 events, whatever the window.
  'counter-good': { '5m': 0.01, '30m': 0.01, '1h': 0.01 },
  'counter-bad': { '5m': 0.01, '30m': 0.01, '1h': 0.01 },
  'template-good': { '5m': 0.01, '30m': 0.01, '1h': 0.01 },
  // 3 failed of 100 sessions at every sample.
  'gauge-bad': { '5m': 0.03, '30m': 0.03, '1h': 0.03 },
  'raw-success': { '5m': 0.002, '1h': 0.002 },
  'raw-failure-template': { '5m': 0.004, '1h': 0.004 },
  'threshold-occurrences': {
    '5m': fractionOf(5, slowLatency),
    '30m': fractionOf(30, slowLatency),
    '1h': fractionOf(60, slowLatency),
  },
  'threshold-timeslices': {
    '30m': fractionOf(30, slowLatency),
    '1h': fractionOf(60, slowLatency),
  },
  'ratio-timeslices': {
    '5m': 0,
    '30m': sliceShareOf(30, shortSlice),
    '1h': sliceShareOf(60, shortSlice),
  },
  // Each short slice is 90% good: it misses 0.1 of its requests.
  'ratio-ratiotimeslices': {
    '1h': sliceShareOf(60, m => 0.1 * shortSlice(m)),
  },
};

function counterValues(perMinute: (m: number) => number): string {
  const values = [0];
  for (let m = 1; m <= 200; m++) values.push(values[m - 1] + perMinute(m));
  return values.join(' ');
}

describe('errorRatioQuery in promtool', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slo-queries-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the hand-counted error ratio for every form', async () => {
    const rules = Object.entries(EXPECTED).flatMap(([name, windows]) =>
      Object.keys(windows).map(window => ({
        record: 'test:error_ratio',
        expr: errorRatioQuery(CASES[name], window),
        labels: { case: name, window },
      })),
    );
    writeFileSync(
      join(dir, 'rules.yaml'),
      stringify({ groups: [{ name: 'forms', rules }] }),
    );
    const latencyValues = Array.from({ length: 201 }, (_, m) =>
      slowLatency(m) ? 0.5 : 0.2,
    ).join(' ');
    const test = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: 'requests_total', values: '0+100x200' },
            {
              series: 'requests_failed_total{code="500"}',
              values: '0+1x200',
            },
            {
              series: 'slice_total',
              values: counterValues(m => (quiet(m) ? 0 : 100)),
            },
            {
              series: 'slice_good_total',
              values: counterValues(m =>
                quiet(m) ? 0 : 100 - 10 * shortSlice(m),
              ),
            },
            {
              series: 'requests_good_total',
              values: counterValues(() => 99),
            },
            {
              series: 'sessions_failed{reason="payment"}',
              values: '3x200',
            },
            { series: 'sessions', values: '100x200' },
            { series: 'availability_ratio', values: '0.998x200' },
            { series: 'error_ratio', values: '0.004x200' },
            { series: 'latency_seconds', values: latencyValues },
          ],
          promql_expr_test: Object.entries(EXPECTED).flatMap(
            ([name, windows]) =>
              Object.entries(windows).map(([window, value]) => ({
                // Nine decimals: exact for the figures above.
                expr: `round(test:error_ratio{case="${name}", window="${window}"} * 1e9) / 1e9`,
                eval_time: `${EVAL_MINUTE}m`,
                exp_samples: [
                  {
                    labels: `{case="${name}", window="${window}"}`,
                    value: Math.round(value * 1e9) / 1e9,
                  },
                ],
              })),
          ),
        },
      ],
    };
    writeFileSync(join(dir, 'test.yaml'), stringify(test));
    const { stdout } = await runCommand(PROMTOOL, [
      'test',
      'rules',
      join(dir, 'test.yaml'),
    ]);
    expect(stdout).toContain('SUCCESS');
  });
});
