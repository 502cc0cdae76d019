// replaced by delivery-common compute on merge
//
// The one function through which the service computes metrics. This
// placeholder fills only deployment frequency, incident count and the
// daily series; the shared compute in @gogidix/plugin-delivery-common
// (computeDeliveryMetrics, deliveryDays) takes its place when the branches
// merge, with the same inputs.
import {
  AlertEvent,
  DeliveryDay,
  DeliveryMetrics,
  DeliveryPeriod,
  DeploymentEvent,
  IncidentEvent,
  MetricValue,
} from '@gogidix/plugin-delivery-common';

export interface DeliveryHistory {
  /** Production deployments of the components, both periods. */
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  alerts: AlertEvent[];
}

export interface DeliveryFigures {
  metrics: DeliveryMetrics;
  days: DeliveryDay[];
}

const inPeriod = (time: string, period: DeliveryPeriod) =>
  time >= period.from && time < period.to;

const unknown = (): MetricValue => ({
  value: null,
  previous: null,
  change: null,
  band: null,
  sample: 0,
});

function counted(value: number, previous: number, sample: number): MetricValue {
  return {
    value,
    previous,
    change: previous === 0 ? null : (value - previous) / previous,
    band: null,
    sample,
  };
}

/** The figures of `period`, against the period of equal length before it. */
export function deliveryFigures(
  history: DeliveryHistory,
  period: DeliveryPeriod,
  previous: DeliveryPeriod,
): DeliveryFigures {
  const succeeded = (p: DeliveryPeriod) =>
    history.deployments.filter(
      d => d.status === 'success' && inPeriod(d.startedAt, p),
    ).length;
  const incidents = (p: DeliveryPeriod) =>
    history.incidents.filter(i => inPeriod(i.triggeredAt, p)).length;
  const now = succeeded(period);
  const before = succeeded(previous);
  const days: DeliveryDay[] = [];
  for (let i = 0; i < period.days; i++) {
    const date = new Date(Date.parse(period.from) + i * 86_400_000)
      .toISOString()
      .slice(0, 10);
    days.push({
      date,
      deployments: history.deployments.filter(d => d.startedAt.startsWith(date))
        .length,
      failedDeployments: history.deployments.filter(
        d => d.status === 'failure' && d.startedAt.startsWith(date),
      ).length,
      incidents: history.incidents.filter(x => x.triggeredAt.startsWith(date))
        .length,
    });
  }
  return {
    metrics: {
      deploymentFrequency: counted(
        now / period.days,
        before / previous.days,
        now,
      ),
      leadTimeHours: unknown(),
      changeFailureRate: unknown(),
      timeToRestoreMinutes: unknown(),
      timeToDetectMinutes: unknown(),
      incidentCount: counted(
        incidents(period),
        incidents(previous),
        incidents(period),
      ),
    },
    days,
  };
}
