import { evaluateSlo, ResolvedSlo } from '@gogidix/plugin-slo-common';
import { generateDemoObservations } from './generator';

const FINE_STEP = 300;

const slos: ResolvedSlo[] = Array.from({ length: 12 }, (_, i) => ({
  id: `service-${i}-availability`,
  name: 'availability',
  displayName: 'Availability',
  service: `service-${i}`,
  source: 'test',
  indicatorName: `service-${i}-availability`,
  indicator: {
    kind: 'ratio',
    good: `sum(rate(http_requests_total{service="service-${i}",code!~"5.."}[{{.window}}]))`,
    total: `sum(rate(http_requests_total{service="service-${i}"}[{{.window}}]))`,
  },
  target: 0.999,
  timeWindow: { kind: 'rolling', duration: '30d', seconds: 30 * 86400 },
  budgetingMethod: 'Occurrences',
  runbook: 'slo-availability-burn',
  alertPolicies: [],
  labels: {},
}));

describe('generateDemoObservations', () => {
  const options = {
    from: 1_790_000_000,
    to: 1_790_000_000 + 30 * 86400,
    stepSeconds: FINE_STEP,
  };

  it('is deterministic and counts up', () => {
    const a = generateDemoObservations(slos.slice(0, 2), options);
    expect(generateDemoObservations(slos.slice(0, 2), options)).toEqual(a);
    for (let i = 1; i < a.length; i++) {
      if (a[i].sloId !== a[i - 1].sloId) continue;
      expect(a[i].total).toBeGreaterThan(a[i - 1].total);
      expect(a[i].good).toBeGreaterThanOrEqual(a[i - 1].good);
    }
  });

  it('gives a month with varied budgets and a few incidents, not a flat line', () => {
    const month = generateDemoObservations(slos, options);
    const statuses = slos.map(slo => {
      const series = month.filter(o => o.sloId === slo.id);
      const first = series[0];
      const last = series[series.length - 1];
      const ratio = 1 - (last.good - first.good) / (last.total - first.total);
      return evaluateSlo(slo, { period: ratio }, new Date(options.to * 1000))
        .budget.remaining as number;
    });
    expect(Math.min(...statuses)).toBeLessThan(0.25);
    expect(Math.max(...statuses)).toBeGreaterThan(0.5);
    // Some 5-minute steps fall in an incident (over 2% failing).
    const byKey = new Map(month.map(o => [`${o.sloId}@${o.ts}`, o]));
    const incidentSteps = month.filter(o => {
      const prev = byKey.get(`${o.sloId}@${o.ts - FINE_STEP}`);
      return prev && 1 - (o.good - prev.good) / (o.total - prev.total) > 0.02;
    });
    expect(incidentSteps.length).toBeGreaterThan(0);
  });
});
