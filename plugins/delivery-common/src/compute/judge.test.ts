import { AlertEvent, DeploymentEvent, IncidentEvent } from '../events';
import { DeliveryMetrics } from '../metrics';
import { computeDeliveryMetrics } from './metrics';
import { DeliveryEvents } from './options';

// Small histories worked out by hand, on one service on 2026-03-10 (the
// period is that day; the previous period is 2026-03-09).
const SERVICE = 'component:default/payments';
const t = (hhmm: string, day = '10') => `2026-03-${day}T${hhmm}:00Z`;

const deploy = (
  id: string,
  finishedAt: string | null,
  more: Partial<DeploymentEvent> = {},
): DeploymentEvent => ({
  id,
  source: 'pipeline',
  entityRef: SERVICE,
  environment: 'production',
  status: finishedAt ? 'success' : 'in_progress',
  sha: id,
  startedAt: t('00:01'),
  finishedAt,
  commits: [],
  rollbackOf: null,
  ...more,
});

const incident = (
  id: string,
  triggeredAt: string,
  resolvedAt: string | null,
  more: Partial<IncidentEvent> = {},
): IncidentEvent => ({
  id,
  source: 'pagerduty',
  entityRef: SERVICE,
  title: id,
  urgency: 'high',
  triggeredAt,
  acknowledgedAt: null,
  resolvedAt,
  ...more,
});

const alert = (
  id: string,
  startsAt: string,
  endsAt: string | null = null,
): AlertEvent => ({
  id,
  entityRef: SERVICE,
  alertname: 'ErrorBudgetBurn',
  severity: 'page',
  startsAt,
  endsAt,
});

const history = (events: Partial<DeliveryEvents>): DeliveryEvents => ({
  deployments: [],
  incidents: [],
  alerts: [],
  ...events,
});

const day = { from: t('00:00'), to: t('00:00', '11') };

type Expected = Partial<
  Record<keyof DeliveryMetrics, number | null | { value: number | null }>
>;

const figuresOf = (metrics: DeliveryMetrics, expected: Expected) =>
  Object.fromEntries(
    Object.keys(expected).map(key => {
      const figure = metrics[key as keyof DeliveryMetrics];
      return [key, typeof figure === 'number' ? figure : figure.value];
    }),
  );

describe('delivery metrics, worked by hand', () => {
  it.each<[string, Partial<DeliveryEvents>, Record<string, number | null>]>([
    [
      'an incident 30 minutes after a deploy fails it',
      {
        deployments: [deploy('d1', t('10:00'))],
        incidents: [incident('i1', t('10:30'), t('11:00'))],
      },
      { changeFailureRate: 1, deploymentFrequency: 1, incidentCount: 1 },
    ],
    [
      'an incident goes to the latest deploy before it only',
      {
        deployments: [deploy('d1', t('10:00')), deploy('d2', t('11:00'))],
        incidents: [incident('i1', t('11:30'), t('12:00'))],
      },
      { changeFailureRate: 0.5 },
    ],
    [
      'a deploy finishing 1 minute after the trigger is before it (skew)',
      {
        deployments: [deploy('d1', t('08:00')), deploy('d2', t('10:01'))],
        incidents: [incident('i1', t('10:00'), t('10:20'))],
      },
      { changeFailureRate: 0.5 },
    ],
    [
      'a deploy finishing 3 minutes after the trigger is not: the one before is blamed',
      {
        deployments: [deploy('d1', t('08:00')), deploy('d2', t('10:03'))],
        incidents: [incident('i1', t('10:00'), t('10:20'))],
      },
      { changeFailureRate: 0.5 },
    ],
    [
      'an incident after the 24-hour window blames nobody',
      {
        deployments: [deploy('d1', t('09:00', '09'))],
        incidents: [incident('i1', t('09:01'), t('09:30'))],
      },
      { changeFailureRate: null, incidentCount: 1 },
    ],
    [
      'a staging deploy is neither counted nor blamed',
      {
        deployments: [deploy('d1', t('10:00'), { environment: 'staging' })],
        incidents: [incident('i1', t('10:30'), t('11:00'))],
      },
      { deploymentFrequency: 0, changeFailureRate: null },
    ],
    [
      'a rolled-back deploy failed; the rollback itself did not',
      {
        deployments: [
          deploy('d1', t('10:00')),
          deploy('d2', t('10:30'), { rollbackOf: 'd1' }),
        ],
      },
      { changeFailureRate: 0.5, deploymentFrequency: 2 },
    ],
    [
      'a failed deploy counts in the rate, not the frequency',
      {
        deployments: [
          deploy('d1', t('10:00'), { status: 'failure' }),
          deploy('d2', t('11:00')),
          deploy('d3', null),
        ],
      },
      { changeFailureRate: 0.5, deploymentFrequency: 1 },
    ],
    [
      'lead time to the first success; a commit stamped after its deploy is 0',
      {
        deployments: [
          deploy('d1', t('09:00'), {
            status: 'failure',
            commits: [{ sha: 'a', committedAt: t('06:00') }],
          }),
          deploy('d2', t('12:00'), {
            commits: [
              { sha: 'a', committedAt: t('06:00') },
              { sha: 'b', committedAt: t('12:01') },
              { sha: 'c', committedAt: t('09:00') },
            ],
          }),
          deploy('d3', t('13:00'), {
            commits: [{ sha: 'c', committedAt: t('09:00') }],
          }),
        ],
      },
      // a: 6 hours, b: 0, c: 3 hours (shipped by d2 first): median 3.
      { leadTimeHours: 3 },
    ],
    [
      'time to restore of resolved incidents; an open one is counted apart',
      {
        incidents: [
          incident('i1', t('10:00'), t('10:45')),
          incident('i2', t('10:10'), t('10:25')),
          incident('i3', t('11:00'), null),
          incident('i4', t('23:00', '09'), t('01:00')),
        ],
      },
      // Overlapping i1 and i2 each count; i4 resolved in the period (120).
      {
        timeToRestoreMinutes: 45,
        incidentCount: 3,
        openIncidents: 1,
      },
    ],
    [
      'detection from the earliest alert in the 6-hour lookback',
      {
        incidents: [
          incident('i1', t('03:00'), t('03:30')),
          incident('i2', t('10:00'), t('10:30')),
          incident('i3', t('23:00'), t('23:30')),
        ],
        alerts: [
          // i1: two overlapping alerts, the earlier (10 minutes) wins.
          alert('a1', t('02:50'), t('02:55')),
          alert('a2', t('02:57')),
          // i2: a1 and a2 started 7 hours before, a2 still fires: they are
          // something else. One starts a minute after the trigger (skew): 0.
          alert('a3', t('10:01')),
          // i3: an alert 7 hours before: undetected.
          alert('a4', t('16:00')),
        ],
      },
      // i1 10 minutes, i2 0: median 5.
      { timeToDetectMinutes: 5, undetectedIncidents: 1 },
    ],
  ])('%s', (_name, events, expected) => {
    const metrics = computeDeliveryMetrics(history(events), day);
    expect(figuresOf(metrics, expected)).toEqual(expected);
  });

  it('compares with the previous period and rates the bands', () => {
    const metrics = computeDeliveryMetrics(
      history({
        deployments: [
          deploy('p1', t('10:00', '09')),
          deploy('d1', t('10:00')),
          deploy('d2', t('11:00')),
        ],
        incidents: [incident('i1', t('11:10'), t('11:40'))],
      }),
      day,
    );
    expect(metrics.deploymentFrequency).toEqual({
      value: 2,
      previous: 1,
      change: 1,
      band: 'elite',
      sample: 2,
    });
    expect(metrics.changeFailureRate).toEqual({
      value: 0.5,
      previous: 0,
      change: null,
      band: 'low',
      sample: 2,
    });
    expect(metrics.timeToRestoreMinutes).toMatchObject({
      value: 30,
      previous: null,
      change: null,
      band: 'elite',
    });
    expect(metrics.timeToDetectMinutes.band).toBeNull();
    expect(metrics.incidentCount.band).toBeNull();
  });

  it.each([
    [{ from: 'yesterday', to: t('00:00') }],
    [{ from: t('00:00'), to: t('00:00') }],
    [{ ...day, failureWindowHours: -1 }],
    [{ ...day, clockSkewMinutes: NaN }],
  ])('refuses %o', options => {
    expect(() => computeDeliveryMetrics(history({}), options)).toThrow(
      RangeError,
    );
  });
});
