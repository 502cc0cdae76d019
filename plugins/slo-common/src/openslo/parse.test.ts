// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test fixtures only
import { latencySlo, openSloYaml } from '@gogidix/test-kit';
import { parseOpenSloDocuments } from './parse';

const AVAILABILITY = `
apiVersion: openslo/v1
kind: SLI
metadata:
  name: listings-availability
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{service="listings-service",code!~"5.."}[{{.window}}]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{service="listings-service"}[{{.window}}]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
  displayName: Availability
  annotations:
    gogidix.io/runbook: slo-availability-burn
spec:
  service: listings-service
  indicatorRef: listings-availability
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Requests succeed
      target: 0.999
  alertPolicies:
    - availability-burn
`;

const LATENCY_TIMESLICES = openSloYaml(
  latencySlo({
    calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
  }),
);

const ALERT_POLICY = `
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: availability-burn
spec:
  alertWhenBreaching: true
  conditions: []
`;

describe('parseOpenSloDocuments', () => {
  it('resolves SLIs by reference and inline, rolling and calendar windows', () => {
    const { slos, problems } = parseOpenSloDocuments(
      [AVAILABILITY, LATENCY_TIMESLICES, ALERT_POLICY].join('\n---\n'),
      'listings/openslo.yaml',
    );
    expect(problems).toEqual([]);
    expect(slos).toHaveLength(2);
    expect(slos[0]).toMatchObject({
      id: 'listings-service-availability',
      displayName: 'Requests succeed',
      indicatorName: 'listings-availability',
      indicator: {
        kind: 'ratio',
        total: expect.stringContaining('{{.window}}'),
      },
      target: 0.999,
      timeWindow: { kind: 'rolling', duration: '28d', seconds: 28 * 86400 },
      budgetingMethod: 'Occurrences',
      runbook: 'slo-availability-burn',
      alertPolicies: ['availability-burn'],
    });
    expect(slos[0].indicator).toHaveProperty('good');
    expect(slos[1]).toMatchObject({
      id: 'listings-service-latency',
      indicator: { kind: 'threshold', op: 'lte', value: 0.3 },
      timeWindow: { kind: 'calendar', duration: '1M', timeZone: 'UTC' },
      budgetingMethod: 'Timeslices',
      timeslice: { window: '5m' },
      runbook: 'slo-latency-burn',
    });
  });

  it("keeps an SLO's deploy policy as written, for the deploy gate", () => {
    const text = AVAILABILITY.replace(
      '    gogidix.io/runbook: slo-availability-burn',
      "    gogidix.io/runbook: slo-availability-burn\n    gogidix.io/deploy-policy: 'min-budget=25%; allow=rollback'",
    );
    const { slos, problems } = parseOpenSloDocuments(text, 's');
    expect(problems).toEqual([]);
    expect(slos[0].deployPolicy).toBe('min-budget=25%; allow=rollback');
    expect(parseOpenSloDocuments(AVAILABILITY, 's').slos[0]).not.toHaveProperty(
      'deployPolicy',
    );
  });

  it('accepts a bad/total ratio and targetPercent', () => {
    const text = AVAILABILITY.replace('good:', 'bad:').replace(
      'target: 0.999',
      'targetPercent: 99.5',
    );
    const { slos, problems } = parseOpenSloDocuments(text, 's');
    expect(problems).toEqual([]);
    expect(slos[0].indicator).toHaveProperty('bad');
    expect(slos[0].target).toBeCloseTo(0.995);
  });

  it.each([
    [
      'a target above 1',
      'target: 0.999',
      'target: 99.9',
      'spec.objectives[0].target',
    ],
    ['no target', 'target: 0.999', 'op: lte', 'spec.objectives[0].target'],
    [
      'an unknown SLI',
      'indicatorRef: listings-availability',
      'indicatorRef: nope',
      'spec.indicatorRef',
    ],
    [
      'a query without {{.window}}',
      '[{{.window}}]))\n    total',
      '[5m]))\n    total',
      'spec.ratioMetric.good.metricSource.spec.query',
    ],
    [
      'a 7h rolling window',
      'duration: 28d',
      'duration: 7h',
      'spec.timeWindow[0].duration',
    ],
    [
      'an unknown budgeting method',
      'Occurrences',
      'Sometimes',
      'spec.budgetingMethod',
    ],
    [
      'a non-Prometheus source',
      'type: Prometheus',
      'type: Datadog',
      'spec.ratioMetric.good.metricSource.type',
    ],
    ['no service', 'service: listings-service', 'servic: x', 'spec.service'],
  ])(
    'reports %s at its field path and keeps the other SLOs',
    (_, from, to, path) => {
      const { slos, problems } = parseOpenSloDocuments(
        `${AVAILABILITY.replace(from, to)}\n---\n${LATENCY_TIMESLICES}`,
        'listings/openslo.yaml',
      );
      expect(problems).toEqual([
        expect.objectContaining({ source: 'listings/openslo.yaml', path }),
      ]);
      expect(slos.map(s => s.name)).toEqual(['latency']);
    },
  );

  it('reports broken YAML and a wrong apiVersion per document', () => {
    const { slos, problems } = parseOpenSloDocuments(
      `key: [unclosed\n---\napiVersion: openslo/v0\nkind: SLO\n---\n${LATENCY_TIMESLICES}`,
      's',
    );
    expect(problems.map(p => p.path)).toEqual(['document 1', 'apiVersion']);
    expect(slos).toHaveLength(1);
  });

  it('splits an SLO with several objectives into one per objective', () => {
    const text = AVAILABILITY.replace(
      '    - displayName: Requests succeed\n      target: 0.999',
      '    - displayName: Fast\n      target: 0.99\n    - displayName: Strict\n      target: 0.999',
    );
    const { slos } = parseOpenSloDocuments(text, 's');
    expect(slos.map(s => [s.id, s.target])).toEqual([
      ['listings-service-availability-fast', 0.99],
      ['listings-service-availability-strict', 0.999],
    ]);
  });

  it('rejects a Timeslices ratio SLO without a slice target', () => {
    const text = AVAILABILITY.replace('Occurrences', 'Timeslices');
    const { problems } = parseOpenSloDocuments(text, 's');
    expect(problems[0].path).toBe('spec.objectives[0].timeSliceTarget');
  });
});
