import { ResolvedSlo } from '@gogidix/plugin-slo-common';
import { DemoCounter, REQUEST_STEP } from './counters';
import { generateDemoObservations } from './generator';
import { demoSloSeries } from './series';

const slo: ResolvedSlo = {
  id: 'svc-availability',
  name: 'availability',
  displayName: 'Availability',
  service: 'svc',
  source: 'test',
  indicatorName: 'svc-availability',
  indicator: {
    kind: 'ratio',
    good: 'sum(rate(http_requests_total{service="svc",code!~"5.."}[{{.window}}]))',
    total: 'sum(rate(http_requests_total{service="svc"}[{{.window}}]))',
  },
  target: 0.999,
  timeWindow: { kind: 'rolling', duration: '30d', seconds: 30 * 86400 },
  budgetingMethod: 'Occurrences',
  runbook: 'slo-availability-burn',
  alertPolicies: [],
  labels: {},
};

const start = 1_790_000_100;

describe('DemoCounter', () => {
  it('counts the same events per step as the SLO demo feed', () => {
    const counter = new DemoCounter(demoSloSeries(slo), start, []);
    const steps: Array<[number, number, number]> = [];
    counter.advance(start + 12 * REQUEST_STEP, (ts, c) =>
      steps.push([ts, c.good, c.total]),
    );
    const feed = generateDemoObservations([slo], {
      from: start + 1,
      to: start + 12 * REQUEST_STEP,
      stepSeconds: REQUEST_STEP,
    });
    expect(steps).toEqual(feed.map(o => [o.ts, o.good, o.total]));
  });

  it('moves linearly between step ends, so live scrapes continue the backfill', () => {
    const counter = new DemoCounter(demoSloSeries(slo), start, []);
    const ends: number[] = [];
    counter.advance(start + 2 * REQUEST_STEP, (_, c) => ends.push(c.total));
    const end =
      Math.floor(start / REQUEST_STEP) * REQUEST_STEP + 2 * REQUEST_STEP;
    const mid = counter.valueAt(end + REQUEST_STEP / 2).total;
    const next = counter.valueAt(end + REQUEST_STEP).total;
    expect(mid - ends[ends.length - 1]).toBe(
      (next - ends[ends.length - 1]) / 2,
    );
  });

  it('adds a played incident to the failing share', () => {
    const incident = {
      sloId: slo.id,
      from: start,
      to: start + 3600,
      errorRatio: 0.5,
    };
    const plain = new DemoCounter(demoSloSeries(slo), start, []);
    const burning = new DemoCounter(demoSloSeries(slo), start, [incident]);
    const a = plain.valueAt(start + 1800);
    const b = burning.valueAt(start + 1800);
    expect(b.total).toBe(a.total);
    expect((b.total - b.good) / b.total).toBeGreaterThan(0.49);
  });
});
