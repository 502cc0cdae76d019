import {
  DeliveryMetrics,
  DeliverySourceState,
  DeploymentEvent,
  MetricValue,
} from '@gogidix/plugin-delivery-common';

/** A figure with its previous value; the change is taken as the backend does. */
export const figure = (
  value: number | null,
  previous: number | null,
  band: MetricValue['band'] = null,
): MetricValue => ({
  value,
  previous,
  change:
    value === null || previous === null || previous === 0
      ? null
      : (value - previous) / previous,
  band,
  sample: value === null ? 0 : 10,
});

export const metrics: DeliveryMetrics = {
  deploymentFrequency: figure(2.5, 2, 'elite'),
  leadTimeHours: figure(6, 12, 'high'),
  changeFailureRate: figure(0.1, 0.08, 'elite'),
  timeToRestoreMinutes: figure(42, 30, 'elite'),
  timeToDetectMinutes: figure(4, 8),
  incidentCount: figure(3, 6),
  openIncidents: 1,
  undetectedIncidents: 1,
};

export const noMetrics: DeliveryMetrics = {
  deploymentFrequency: figure(null, null),
  leadTimeHours: figure(null, null),
  changeFailureRate: figure(null, null),
  timeToRestoreMinutes: figure(null, null),
  timeToDetectMinutes: figure(null, null),
  incidentCount: figure(null, null),
  openIncidents: 0,
  undetectedIncidents: 0,
};

export const period = {
  from: '2026-11-07T00:00:00Z',
  to: '2026-12-07T00:00:00Z',
  days: 30,
};

/** Every source configured. */
export const configured: DeliverySourceState[] = [
  { kind: 'github', configured: true, detail: 'github.com/acme/payments-api' },
  {
    kind: 'gitlab',
    configured: false,
    detail: 'set delivery.gitlab, or annotate gitlab.com/project-slug',
  },
  {
    kind: 'pipeline',
    configured: true,
    detail: 'deploy reports posted to /api/delivery/deployments',
  },
  { kind: 'pagerduty', configured: true, detail: 'PagerDuty service P4X9QZK' },
  {
    kind: 'alertmanager',
    configured: true,
    detail: 'alerts with service="payments-api"',
  },
];

/** No source configured: what the empty states name. */
export const unconfigured: DeliverySourceState[] = [
  {
    kind: 'github',
    configured: false,
    detail: 'set delivery.github, or annotate github.com/project-slug',
  },
  {
    kind: 'pagerduty',
    configured: false,
    detail: 'set delivery.pagerduty, or annotate pagerduty.com/service-id',
  },
];

export const deployment = (
  overrides: Partial<DeploymentEvent>,
): DeploymentEvent => ({
  id: 'github:acme/payments-api:1',
  source: 'github',
  entityRef: 'component:default/payments-api',
  environment: 'production',
  status: 'success',
  sha: '4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e',
  startedAt: '2026-12-05T09:00:00Z',
  finishedAt: '2026-12-05T09:10:00Z',
  commits: [{ sha: '4f1c2d9e8b7a', committedAt: '2026-12-05T06:10:00Z' }],
  rollbackOf: null,
  ...overrides,
});
