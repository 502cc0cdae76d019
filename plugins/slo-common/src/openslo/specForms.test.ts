import { parseOpenSloDocuments } from './parse';
import { ResolvedSlo } from './types';

/*
 * One fixture per form the OpenSLO v1 specification allows, written from the
 * specification's text (README, "SLO", "SLI", "Objectives", "AlertPolicy",
 * "DataSource"), and what the portal makes of each.
 */

const prom = (query: string) => `
          metricSource:
            type: Prometheus
            spec:
              query: ${query}`;

function slo(options: {
  indicator: string;
  method?: string;
  objectives?: string;
  timeWindow?: string;
  name?: string;
}) {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${options.name ?? 'checkout'}
  labels:
    team: payments
    cost-centre: cc-42
spec:
  service: checkout-service
  indicator:
    metadata:
      name: checkout-sli
    spec:
${options.indicator}
${options.timeWindow ?? ''}
  budgetingMethod: ${options.method ?? 'Occurrences'}
  objectives:
${options.objectives ?? '    - target: 0.995'}
`;
}

const COUNTER = `      ratioMetric:
        counter: true
        good:${prom('sum(http_requests_total{service="checkout",code!~"5.."})')}
        total:${prom('http_requests_total{service="checkout"}')}`;

function parsed(text: string): ResolvedSlo {
  const result = parseOpenSloDocuments(text, 'openslo.yaml');
  expect(result.problems).toEqual([]);
  expect(result.slos).toHaveLength(1);
  return result.slos[0];
}

describe('OpenSLO v1 forms', () => {
  it.each<[string, string, Partial<ResolvedSlo>]>([
    [
      'ratioMetric counter: true with plain counter queries',
      COUNTER,
      {
        indicator: {
          kind: 'ratio',
          form: 'counter',
          good: 'http_requests_total{service="checkout",code!~"5.."}',
          total: 'http_requests_total{service="checkout"}',
        },
      },
    ],
    [
      'ratioMetric counter: false (values averaged over each window)',
      `      ratioMetric:
        counter: false
        bad:${prom('checkout_failed_sessions')}
        total:${prom('checkout_sessions')}`,
      {
        indicator: {
          kind: 'ratio',
          form: 'gauge',
          bad: 'checkout_failed_sessions',
          total: 'checkout_sessions',
        },
      },
    ],
    [
      'ratioMetric in the Sloth {{.window}} dialect',
      `      ratioMetric:
        counter: true
        good:${prom('sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))')}
        total:${prom('sum(rate(http_requests_total[{{.window}}]))')}`,
      { indicator: expect.objectContaining({ form: 'window-template' }) },
    ],
    [
      "ratioMetric without counter (false, as in the spec's Go SDK)",
      `      ratioMetric:
        good:${prom('sum(rate(http_requests_total{code!~"5.."}[5m]))')}
        total:${prom('sum(rate(http_requests_total[5m]))')}`,
      { indicator: expect.objectContaining({ kind: 'ratio', form: 'gauge' }) },
    ],
    [
      'a raw ratio of successes',
      `      ratioMetric:
        rawType: success
        raw:${prom('checkout:availability:ratio')}`,
      {
        indicator: {
          kind: 'raw',
          rawType: 'success',
          query: 'checkout:availability:ratio',
          form: 'gauge',
        },
      },
    ],
    [
      'a raw ratio of failures with a window placeholder',
      `      ratioMetric:
        rawType: failure
        raw:${prom('avg_over_time(checkout:errors:ratio[{{.window}}])')}`,
      {
        indicator: expect.objectContaining({
          kind: 'raw',
          rawType: 'failure',
          form: 'window-template',
        }),
      },
    ],
    [
      'a data source type in any letter case',
      COUNTER.replace(/Prometheus/g, 'prometheus'),
      { indicator: expect.objectContaining({ form: 'counter' }) },
    ],
  ])('reads %s', (_, indicator, expected) => {
    expect(parsed(slo({ indicator }))).toMatchObject(expected);
  });

  it('reads a thresholdMetric with the objective op and value', () => {
    const result = parsed(
      slo({
        indicator: `      thresholdMetric:${prom(
          'probe_duration_seconds{job="checkout"}',
        )}`,
        objectives: '    - op: lt\n      value: 0.5\n      target: 0.99',
      }),
    );
    expect(result.indicator).toEqual({
      kind: 'threshold',
      query: 'probe_duration_seconds{job="checkout"}',
      op: 'lt',
      value: 0.5,
      form: 'gauge',
    });
  });

  it.each<[string, string, string, ResolvedSlo['timeslice']]>([
    [
      'Timeslices',
      'Timeslices',
      '      timeSliceTarget: 0.95\n      timeSliceWindow: 5m',
      { window: '5m', target: 0.95 },
    ],
    [
      'a bare-number timeSliceWindow (minutes)',
      'Timeslices',
      '      timeSliceTarget: 0.9\n      timeSliceWindow: 2',
      { window: '2m', target: 0.9 },
    ],
    [
      '60 minutes spelled in Prometheus syntax',
      'Timeslices',
      '      timeSliceTarget: 1\n      timeSliceWindow: 60',
      { window: '1h', target: 1 },
    ],
    [
      'RatioTimeslices',
      'RatioTimeslices',
      '      timeSliceWindow: 1m',
      { window: '1m' },
    ],
  ])('reads %s', (_, method, extra, timeslice) => {
    const result = parsed(
      slo({
        indicator: COUNTER,
        method,
        objectives: `    - target: 0.99\n${extra}`,
      }),
    );
    expect(result.budgetingMethod).toBe(method);
    expect(result.timeslice).toEqual(timeslice);
  });

  it.each<[string, string, ResolvedSlo['timeWindow']]>([
    [
      'no timeWindow (Sloth default 30d)',
      '',
      { kind: 'rolling', duration: '30d', seconds: 2592000 },
    ],
    [
      'a rolling 4w window',
      '  timeWindow:\n    - duration: 4w\n      isRolling: true',
      { kind: 'rolling', duration: '4w', seconds: 2419200 },
    ],
    [
      'a rolling 36h window',
      '  timeWindow:\n    - duration: 36h\n      isRolling: true',
      { kind: 'rolling', duration: '36h', seconds: 129600 },
    ],
    [
      'a calendar month in New York from a start time',
      '  timeWindow:\n    - duration: 1M\n      calendar:\n        startTime: 2020-01-21 12:30:00\n        timeZone: America/New_York',
      {
        kind: 'calendar',
        duration: '1M',
        timeZone: 'America/New_York',
        startTime: '2020-01-21 12:30:00',
        seconds: 2592000,
      },
    ],
    [
      'a calendar quarter with isRolling: false and no calendar',
      '  timeWindow:\n    - duration: 1Q\n      isRolling: false',
      { kind: 'calendar', duration: '1Q', timeZone: 'UTC', seconds: 7776000 },
    ],
  ])('reads %s', (_, timeWindow, expected) => {
    expect(parsed(slo({ indicator: COUNTER, timeWindow })).timeWindow).toEqual(
      expected,
    );
  });

  it.each<[string, string, number]>([
    ['target: 0', '    - target: 0', 0],
    ['targetPercent as written', '    - targetPercent: 99.95', 0.9995],
    ['six nines', '    - target: 0.999999', 0.999999],
  ])('reads %s', (_, objectives, target) => {
    expect(parsed(slo({ indicator: COUNTER, objectives })).target).toBe(target);
  });

  it('makes each objective its own SLO, named by name, displayName or index', () => {
    const { slos, problems } = parseOpenSloDocuments(
      slo({
        indicator: COUNTER,
        objectives:
          '    - name: strict\n      target: 0.999\n    - displayName: Most requests\n      target: 0.99\n    - target: 0.9',
      }),
      's',
    );
    expect(problems).toEqual([]);
    expect(slos.map(s => [s.id, s.target, s.displayName])).toEqual([
      ['checkout-service-checkout-strict', 0.999, 'checkout-strict'],
      ['checkout-service-checkout-most-requests', 0.99, 'Most requests'],
      ['checkout-service-checkout-2', 0.9, 'checkout-2'],
    ]);
  });

  it('reads a top-level YAML list of documents, indicatorRef, DataSource and alert policies', () => {
    const text = `
- apiVersion: openslo/v1
  kind: DataSource
  metadata:
    name: cluster-prometheus
  spec:
    type: Prometheus
    connectionDetails:
      url: http://prometheus:9090
- apiVersion: openslo/v1
  kind: SLI
  metadata:
    name: checkout-errors
  spec:
    ratioMetric:
      counter: true
      bad:
        metricSource:
          metricSourceRef: cluster-prometheus
          spec:
            query: http_requests_total{code=~"5.."}
      total:
        metricSource:
          metricSourceRef: cluster-prometheus
          spec:
            query: http_requests_total
- apiVersion: openslo/v1
  kind: AlertCondition
  metadata:
    name: fast-burn
  spec:
    severity: page
    condition:
      kind: burnrate
      threshold: 14.4
      lookbackWindow: 1h
      alertAfter: 5m
- apiVersion: openslo/v1
  kind: AlertPolicy
  metadata:
    name: checkout-paging
  spec:
    alertWhenBreaching: true
    conditions:
      - conditionRef: fast-burn
    notificationTargets:
      - targetRef: on-call
- apiVersion: openslo/v1
  kind: SLO
  metadata:
    name: checkout
  spec:
    service: checkout-service
    indicatorRef: checkout-errors
    budgetingMethod: Occurrences
    objectives:
      - target: 0.999
    alertPolicies:
      - alertPolicyRef: checkout-paging
      - kind: AlertPolicy
        metadata:
          name: checkout-ticket
        spec:
          alertWhenBreaching: true
          conditions:
            - kind: AlertCondition
              metadata:
                name: slow-burn
              spec:
                severity: ticket
                condition:
                  kind: burnrate
                  threshold: 1
                  lookbackWindow: 3d
                  alertAfter: 1h
          notificationTargets:
            - targetRef: on-call
`;
    const result = parsed(text);
    expect(result).toMatchObject({
      indicatorName: 'checkout-errors',
      indicator: {
        kind: 'ratio',
        form: 'counter',
        bad: 'http_requests_total{code=~"5.."}',
      },
      alertPolicies: ['checkout-paging', 'checkout-ticket'],
      alertPolicyDetails: [
        {
          name: 'checkout-paging',
          conditions: [
            {
              name: 'fast-burn',
              severity: 'page',
              kind: 'burnrate',
              threshold: 14.4,
              lookbackWindow: '1h',
              alertAfter: '5m',
            },
          ],
        },
        {
          name: 'checkout-ticket',
          conditions: [
            {
              name: 'slow-burn',
              severity: 'ticket',
              threshold: 1,
              lookbackWindow: '3d',
            },
          ],
        },
      ],
    });
  });

  it.each([
    [
      'Datadog',
      'type: Datadog',
      'spec.indicator.spec.ratioMetric.good.metricSource.type',
    ],
    [
      'NewRelic',
      'type: NewRelic',
      'spec.indicator.spec.ratioMetric.good.metricSource.type',
    ],
  ])(
    'reports an SLO on %s as not queryable and keeps the others',
    (type, replacement, path) => {
      const datadog = slo({
        indicator: COUNTER.replace('type: Prometheus', replacement),
        name: 'checkout-dd',
      });
      const fine = slo({ indicator: COUNTER });
      const result = parseOpenSloDocuments(
        `${datadog}---\n${fine}`,
        'openslo.yaml',
      );
      expect(result.slos.map(s => s.name)).toEqual(['checkout']);
      expect(result.unqueryable).toEqual([
        expect.objectContaining({
          id: 'checkout-service-checkout-dd',
          dataSourceType: type,
          path,
          reason: `data source type ${type} is not supported; only Prometheus`,
        }),
      ]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          path,
          message: expect.stringContaining(
            `data source type ${type} is not supported`,
          ),
          service: 'checkout-service',
        }),
      ]);
    },
  );

  it('follows metricSourceRef to a DataSource of another type', () => {
    const text = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: cw
spec:
  type: CloudWatch
---
${slo({
  indicator: COUNTER.replace(/type: Prometheus/g, 'metricSourceRef: cw'),
})}`;
    const result = parseOpenSloDocuments(text, 's');
    expect(result.unqueryable?.[0]).toMatchObject({
      dataSourceType: 'CloudWatch',
      path: 'spec.indicator.spec.ratioMetric.good.metricSource.metricSourceRef',
    });
  });

  it.each<[string, Parameters<typeof slo>[0], string, RegExp]>([
    [
      'a counter query that is not a selector',
      {
        indicator: COUNTER.replace(
          'http_requests_total{service="checkout"}',
          'rate(http_requests_total[5m])',
        ),
      },
      'spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
      /series selector/,
    ],
    [
      'a counter that is not a boolean',
      { indicator: COUNTER.replace('counter: true', 'counter: yes') },
      'spec.indicator.spec.ratioMetric.counter',
      /must be true .* or false/,
    ],
    [
      'only one query with {{.window}}',
      {
        indicator: COUNTER.replace(
          'code!~"5.."})',
          'code!~"5.."}[{{.window}}])',
        ),
      },
      'spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
      /must contain \{\{\.window\}\}/,
    ],
    [
      'a raw ratio without rawType',
      { indicator: `      ratioMetric:\n        raw:${prom('x')}` },
      'spec.indicator.spec.ratioMetric.rawType',
      /success .* or failure/,
    ],
    [
      'a target of 1',
      { indicator: COUNTER, objectives: '    - target: 1' },
      'spec.objectives[0].target',
      /under 1/,
    ],
    [
      'target and targetPercent together',
      {
        indicator: COUNTER,
        objectives: '    - target: 0.9\n      targetPercent: 90',
      },
      'spec.objectives[0].targetPercent',
      /together/,
    ],
    [
      'Timeslices without timeSliceTarget',
      { indicator: COUNTER, method: 'Timeslices' },
      'spec.objectives[0].timeSliceTarget',
      /timeSliceTarget/,
    ],
    [
      'a 2h time slice',
      {
        indicator: COUNTER,
        method: 'RatioTimeslices',
        objectives: '    - target: 0.9\n      timeSliceWindow: 2h',
      },
      'spec.objectives[0].timeSliceWindow',
      /from 1m to 1h/,
    ],
    [
      'a rolling month',
      {
        indicator: COUNTER,
        timeWindow: '  timeWindow:\n    - duration: 1M\n      isRolling: true',
      },
      'spec.timeWindow[0].duration',
      /no fixed length/,
    ],
    [
      'an unknown time zone',
      {
        indicator: COUNTER,
        timeWindow:
          '  timeWindow:\n    - duration: 1M\n      calendar:\n        timeZone: Mars/Olympus',
      },
      'spec.timeWindow[0].calendar.timeZone',
      /IANA/,
    ],
    [
      'a threshold SLI without op',
      {
        indicator: `      thresholdMetric:${prom('x')}`,
        objectives: '    - target: 0.9\n      value: 1',
      },
      'spec.objectives[0].op',
      /op: lt, lte, gt or gte/,
    ],
    [
      'a composite SLO (an indicator per objective)',
      {
        indicator: COUNTER,
        objectives: '    - target: 0.9\n      indicatorRef: other',
      },
      'spec.objectives[0].indicator',
      /composite SLOs/,
    ],
    [
      'an unknown budgeting method',
      { indicator: COUNTER, method: 'Sometimes' },
      'spec.budgetingMethod',
      /RatioTimeslices/,
    ],
  ])('refuses %s, naming the field', (_, options, path, message) => {
    const result = parseOpenSloDocuments(slo(options), 's');
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        path,
        message: expect.stringMatching(message),
      }),
    ]);
  });
});
