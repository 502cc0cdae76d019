import { DeliveryMetrics, MetricValue } from '../metrics';
import {
  deliveryMeasurements,
  evaluateTargets,
  PLATFORM_TARGETS,
  PlatformTargetId,
} from './targets';

const statusOf = (
  id: PlatformTargetId,
  measured: number | null,
  baseline: number | null,
) =>
  evaluateTargets({ [id]: measured }, { [id]: baseline }).find(
    r => r.target.id === id,
  )!;

describe('evaluateTargets', () => {
  it.each<
    [PlatformTargetId, number | null, number | null, string, number | null]
  >([
    // Lead time 40% shorter than the baseline's 10 hours: at most 6.
    ['deployment-speed', 6, 10, 'met', 6],
    ['deployment-speed', 6.5, 10, 'not-met', 6],
    ['deployment-speed', 6, null, 'no-data', null],
    ['time-to-detect', 4.5, null, 'met', 5],
    ['time-to-detect', 5, null, 'not-met', 5],
    ['time-to-restore', 29, null, 'met', 30],
    ['time-to-restore', 30, null, 'not-met', 30],
    ['time-to-restore', null, null, 'no-data', 30],
    ['incidents', 5, 10, 'met', 5],
    ['incidents', 6, 10, 'not-met', 5],
    ['incidents', 0, 0, 'met', 0],
    ['infrastructure-cost', 800, 1000, 'met', 800],
    ['infrastructure-cost', 801, 1000, 'not-met', 800],
    ['slo-api-gateway', 1 - 0.0005, null, 'met', 0.9995],
    ['slo-api-gateway', 0.9994, null, 'not-met', 0.9995],
    ['slo-service-mesh', 0.999, null, 'met', 0.999],
    ['slo-monitoring', 0.9989, null, 'not-met', 0.999],
    ['slo-ci-cd', 0.996, null, 'met', 0.995],
    ['slo-backups', 1, null, 'met', 1],
    ['slo-backups', 999 / 1000, null, 'not-met', 1],
    ['slo-backups', NaN, null, 'no-data', 1],
  ])(
    '%s measured %p against %p: %s',
    (id, measured, baseline, status, goal) => {
      const result = statusOf(id, measured, baseline);
      expect(result.status).toBe(status);
      expect(result.goal === null ? null : Number(result.goal.toFixed(9))).toBe(
        goal,
      );
    },
  );

  it('answers every target, "no data" without figures', () => {
    const results = evaluateTargets({}, {});
    expect(results.map(r => r.target.id)).toEqual(
      PLATFORM_TARGETS.map(t => t.id),
    );
    expect(new Set(results.map(r => r.status))).toEqual(new Set(['no-data']));
  });

  it('reads the delivery figures from the metrics', () => {
    const figure = (value: number | null): MetricValue => ({
      value,
      previous: null,
      change: null,
      band: null,
      sample: 1,
    });
    const metrics: DeliveryMetrics = {
      deploymentFrequency: figure(2),
      leadTimeHours: figure(5),
      changeFailureRate: figure(0.1),
      timeToRestoreMinutes: figure(25),
      timeToDetectMinutes: figure(null),
      incidentCount: figure(3),
      openIncidents: 0,
      undetectedIncidents: 3,
    };
    const results = evaluateTargets(deliveryMeasurements(metrics), {
      'deployment-speed': 10,
      incidents: 8,
    });
    expect(
      Object.fromEntries(results.slice(0, 4).map(r => [r.target.id, r.status])),
    ).toEqual({
      'deployment-speed': 'met',
      'time-to-detect': 'no-data',
      'time-to-restore': 'met',
      incidents: 'met',
    });
  });
});
