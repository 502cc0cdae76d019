import { parseAllDocuments } from 'yaml';
import { availabilitySlo, latencySlo, openSloYaml } from './openslo';

describe('OpenSLO examples', () => {
  it('write OpenSLO v1 SLOs with an inline SLI', () => {
    const text = openSloYaml(
      availabilitySlo({ displayName: 'Availability', window: '30d' }),
      latencySlo({
        calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
      }),
    );
    const [availability, latency] = parseAllDocuments(text).map(d => d.toJS());
    expect(availability).toMatchObject({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'availability', displayName: 'Availability' },
      spec: {
        service: 'listings-service',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '30d', isRolling: true }],
        objectives: [{ target: 0.999 }],
      },
    });
    expect(
      availability.spec.indicator.spec.ratioMetric.good.metricSource.spec.query,
    ).toBe(
      'sum(rate(http_requests_total{service="listings-service",code!~"5.."}[{{.window}}]))',
    );
    expect(latency).toMatchObject({
      metadata: { name: 'latency' },
      spec: {
        budgetingMethod: 'Timeslices',
        timeWindow: [
          {
            duration: '1M',
            isRolling: false,
            calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
          },
        ],
        objectives: [
          { op: 'lte', value: 0.3, target: 0.99, timeSliceWindow: '5m' },
        ],
      },
    });
  });

  it('follow the service into the default queries and leave out unset metadata', () => {
    const slo = availabilitySlo({ service: 'geo-service' }) as any;
    expect(slo.metadata).toEqual({ name: 'availability' });
    expect(
      slo.spec.indicator.spec.ratioMetric.total.metricSource.spec.query,
    ).toContain('service="geo-service"');
    expect(latencySlo().spec).not.toHaveProperty('timeWindow.0.calendar');
  });
});
