import { DeploymentEvent } from '../events';
import { DeliveryMetrics } from '../metrics';
import { judgeDelivery } from './judge';
import {
  combineDelivery,
  computeDeliveryMetrics,
  deliveryByService,
  deliveryDays,
} from './metrics';
import { DeliveryEvents } from './options';
import {
  at,
  DAY,
  generateHistory,
  PERIOD,
  WITH_DEPLOYS,
} from './__testUtils__/deliveryHistory';
import {
  naiveFigures,
  naiveSamples,
  naiveValues,
} from './__testUtils__/naiveDelivery';

const METRICS = [
  'deploymentFrequency',
  'leadTimeHours',
  'changeFailureRate',
  'timeToRestoreMinutes',
  'timeToDetectMinutes',
  'incidentCount',
] as const;

const OPTION_SETS = [
  {
    name: 'defaults',
    options: {},
    windowMin: 1440,
    skewMin: 2,
    lookbackMin: 360,
  },
  {
    name: 'short window, no skew',
    options: {
      failureWindowHours: 2,
      clockSkewMinutes: 0,
      detectionLookbackHours: 1,
    },
    windowMin: 120,
    skewMin: 0,
    lookbackMin: 60,
  },
  {
    name: 'wide skew',
    options: { clockSkewMinutes: 5, detectionLookbackHours: 7 },
    windowMin: 1440,
    skewMin: 5,
    lookbackMin: 420,
  },
];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CASES = SEEDS.flatMap(seed =>
  OPTION_SETS.map(set => [seed, set.name, set] as const),
);
const periodOptions = {
  from: at(PERIOD.fromMin),
  to: at(PERIOD.toMin),
};

describe('computeDeliveryMetrics against a minute-by-minute computation', () => {
  it.each(CASES)('seed %i, %s', (seed, _name, set) => {
    const events = generateHistory(seed);
    const metrics = computeDeliveryMetrics(events, {
      ...periodOptions,
      ...set.options,
    });
    const days = 14;
    const current = naiveFigures(events, PERIOD.fromMin, PERIOD.toMin, set);
    const previous = naiveFigures(
      events,
      PERIOD.fromMin - days * DAY,
      PERIOD.fromMin,
      set,
    );
    const now = naiveValues(current, days);
    const before = naiveValues(previous, days);
    const samples = naiveSamples(current);

    const mismatches: string[] = [];
    for (const metric of METRICS) {
      const actual = metrics[metric];
      const expected = {
        value: now[metric],
        previous: before[metric],
        sample: samples[metric],
      };
      const got = {
        value: actual.value,
        previous: actual.previous,
        sample: actual.sample,
      };
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        mismatches.push(
          `${metric}: got ${JSON.stringify(got)}, expected ${JSON.stringify(
            expected,
          )}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(metrics.openIncidents).toBe(current.open);
    expect(metrics.undetectedIncidents).toBe(current.undetected);
  });

  it('generates every case the metrics must handle', () => {
    const seen = {
      attributedDespiteSkew: 0,
      notAttributedBeyondSkew: 0,
      rolledBack: 0,
      sameMinuteFinish: 0,
      commitAfterDeploy: 0,
      overlappingIncidents: 0,
      undetected: 0,
      detectedByLaterAlert: 0,
      open: 0,
      inProgress: 0,
      otherEnvironment: 0,
      incidentWithoutDeploy: 0,
    };
    for (const seed of SEEDS) {
      const events = generateHistory(seed);
      const judgement = judgeDelivery(events);
      const finish = new Map(
        judgement.deployments.map(d => [d.deployment.id, d.finishedMs]),
      );
      for (const incident of judgement.incidents) {
        if (
          incident.causedBy &&
          finish.get(incident.causedBy)! > incident.triggeredMs
        ) {
          seen.attributedDespiteSkew += 1;
        }
        const finishingSoonAfter = judgement.deployments.some(
          d =>
            d.deployment.entityRef === incident.incident.entityRef &&
            d.finishedMs - incident.triggeredMs === 3 * 60_000,
        );
        if (finishingSoonAfter) seen.notAttributedBeyondSkew += 1;
        if (incident.detectMinutes === null) seen.undetected += 1;
        if (incident.resolvedMs === null) seen.open += 1;
        if (incident.incident.entityRef.endsWith('pager-only')) {
          seen.incidentWithoutDeploy += 1;
        }
        const alertAfter = events.alerts.some(
          a =>
            a.entityRef === incident.incident.entityRef &&
            Date.parse(a.startsAt) > incident.triggeredMs &&
            Date.parse(a.startsAt) <= incident.triggeredMs + 2 * 60_000,
        );
        if (alertAfter && incident.detectMinutes === 0) {
          seen.detectedByLaterAlert += 1;
        }
        const overlapping = judgement.incidents.some(
          other =>
            other !== incident &&
            other.incident.entityRef === incident.incident.entityRef &&
            other.triggeredMs >= incident.triggeredMs &&
            (incident.resolvedMs === null ||
              other.triggeredMs < incident.resolvedMs),
        );
        if (overlapping) seen.overlappingIncidents += 1;
      }
      for (const d of judgement.deployments) {
        if (d.failures.includes('rolled-back')) seen.rolledBack += 1;
        if (
          judgement.deployments.some(
            o =>
              o !== d &&
              o.finishedMs === d.finishedMs &&
              o.deployment.entityRef === d.deployment.entityRef,
          )
        ) {
          seen.sameMinuteFinish += 1;
        }
      }
      for (const change of judgement.changes) {
        if (change.leadTimeHours === 0) seen.commitAfterDeploy += 1;
      }
      for (const d of events.deployments) {
        if (d.status === 'in_progress') seen.inProgress += 1;
        if (d.environment === 'staging') seen.otherEnvironment += 1;
      }
    }
    for (const [name, count] of Object.entries(seen)) {
      expect([name, count > 0]).toEqual([name, true]);
    }
  });
});

describe('services, teams and days', () => {
  it.each(SEEDS)('seed %i: a team pools its services', seed => {
    const events = generateHistory(seed);
    const services = deliveryByService(events, periodOptions);
    expect(services.map(s => s.entityRef)).toEqual(
      [...WITH_DEPLOYS, 'component:default/pager-only'].sort(),
    );
    const org = combineDelivery(services, services[0].period);
    expect(org).toEqual(computeDeliveryMetrics(events, periodOptions));

    const team = services.filter(s => !s.entityRef.includes('search'));
    const teamEvents: DeliveryEvents = {
      deployments: events.deployments.filter(
        d => !d.entityRef.includes('search'),
      ),
      incidents: events.incidents.filter(i => !i.entityRef.includes('search')),
      alerts: events.alerts.filter(a => !a.entityRef.includes('search')),
    };
    const expected: DeliveryMetrics = computeDeliveryMetrics(
      teamEvents,
      periodOptions,
    );
    expect(combineDelivery(team, services[0].period)).toEqual(expected);
    // Frequencies add up across services.
    const summed = team.reduce(
      (total, s) => total + s.metrics.deploymentFrequency.value!,
      0,
    );
    expect(expected.deploymentFrequency.value).toBeCloseTo(summed, 12);
  });

  it('refuses to pool services of different periods', () => {
    const events = generateHistory(1);
    const a = deliveryByService(events, periodOptions);
    const b = deliveryByService(events, { from: at(0), to: at(DAY) });
    expect(() => combineDelivery([a[0], b[1]], a[0].period)).toThrow(
      /was computed for/,
    );
  });

  it.each(SEEDS)('seed %i: days count what the period counts', seed => {
    const events = generateHistory(seed);
    const days = deliveryDays(events, periodOptions);
    expect(days).toHaveLength(14);
    expect(days[0].date).toBe('2026-03-21');
    const defaults = OPTION_SETS[0];
    for (const [index, day] of days.entries()) {
      const fromMin = PERIOD.fromMin + index * DAY;
      const naive = naiveFigures(events, fromMin, fromMin + DAY, defaults);
      expect(day).toEqual({
        date: day.date,
        deployments: naive.judged,
        failedDeployments: naive.failed,
        incidents: naive.incidents,
      });
    }
  });

  it('includes quiet days and the part of a partial day', () => {
    const deployment: DeploymentEvent = {
      id: 'd1',
      source: 'pipeline',
      entityRef: 'component:default/a',
      environment: 'production',
      status: 'success',
      sha: 'abc',
      startedAt: '2026-03-02T09:00:00Z',
      finishedAt: '2026-03-02T09:10:00Z',
      commits: [],
      rollbackOf: null,
    };
    const early = {
      ...deployment,
      id: 'd0',
      finishedAt: '2026-03-01T01:00:00Z',
    };
    expect(
      deliveryDays(
        { deployments: [early, deployment], incidents: [], alerts: [] },
        { from: '2026-03-01T12:00:00Z', to: '2026-03-03T06:00:00Z' },
      ),
    ).toEqual([
      {
        date: '2026-03-01',
        deployments: 0,
        failedDeployments: 0,
        incidents: 0,
      },
      {
        date: '2026-03-02',
        deployments: 1,
        failedDeployments: 0,
        incidents: 0,
      },
      {
        date: '2026-03-03',
        deployments: 0,
        failedDeployments: 0,
        incidents: 0,
      },
    ]);
  });
});
