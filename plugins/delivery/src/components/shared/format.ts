import {
  DeliveryMetricKey,
  DeliverySourceKind,
  DeploymentEvent,
  DoraBand,
  MetricValue,
} from '@gogidix/plugin-delivery-common';
import { formatPercent } from '@gogidix/portal-common';

const round1 = (value: number) => Math.round(value * 10) / 10 + 0;

/**
 * Deployments per day as people say it: "3.2 a day" when there is at least
 * one a day, otherwise a week's or a month's worth ("2 a week").
 */
export function formatFrequency(perDay: number): string {
  if (perDay === 0) return 'none';
  if (perDay >= 1) return `${round1(perDay)} a day`;
  if (perDay * 7 >= 1) return `${round1(perDay * 7)} a week`;
  return `${round1(perDay * 30)} a month`;
}

/** A duration in minutes: "42 min", "5.5 h", "3.2 days". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${round1(minutes / 60)} h`;
  return `${round1(minutes / (24 * 60))} days`;
}

/** One headline figure of the delivery pages. */
export interface MetricDefinition {
  key: DeliveryMetricKey;
  label: string;
  /** A rise is good news (deployments) rather than bad (everything else). */
  higherIsBetter: boolean;
  format: (value: number) => string;
  /** What the figure is computed from, to say what is missing when it has none. */
  from: string;
}

/** The four DORA keys, then time to detect and the incident count. */
export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'deploymentFrequency',
    label: 'Deployment frequency',
    higherIsBetter: true,
    format: formatFrequency,
    from: 'production deployments',
  },
  {
    key: 'leadTimeHours',
    label: 'Lead time for changes',
    higherIsBetter: false,
    format: hours => formatMinutes(hours * 60),
    from: 'deployed commits',
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    higherIsBetter: false,
    format: rate => formatPercent(rate),
    from: 'production deployments',
  },
  {
    key: 'timeToRestoreMinutes',
    label: 'Time to restore',
    higherIsBetter: false,
    format: formatMinutes,
    from: 'resolved incidents',
  },
  {
    key: 'timeToDetectMinutes',
    label: 'Time to detect',
    higherIsBetter: false,
    format: formatMinutes,
    from: 'incidents with a burn alert before them',
  },
  {
    key: 'incidentCount',
    label: 'Incidents',
    higherIsBetter: false,
    format: count => String(count),
    from: 'incidents',
  },
];

/** A metric's figure, or "no data" when the period has nothing to compute it from. */
export function formatMetric(
  definition: MetricDefinition,
  metric: MetricValue,
): string {
  return metric.value === null ? 'no data' : definition.format(metric.value);
}

/** Whether a change is good news, bad news, or neither. */
export type TrendTone = 'better' | 'worse' | 'same';

/** The trend against the previous period, as text and whether it is good news. */
export function trendOf(
  definition: MetricDefinition,
  metric: MetricValue,
  days: number,
): { text: string; tone: TrendTone } {
  const against = `against the previous ${days} days`;
  if (metric.change === null) {
    if (metric.previous === null) {
      return { text: `Nothing to compare ${against}`, tone: 'same' };
    }
    return {
      text: `${definition.format(
        metric.previous,
      )} in the previous ${days} days`,
      tone: 'same',
    };
  }
  const text = `${formatPercent(metric.change, { sign: true })} ${against}`;
  if (metric.change === 0) return { text, tone: 'same' };
  const rose = metric.change > 0;
  return {
    text,
    tone: rose === definition.higherIsBetter ? 'better' : 'worse',
  };
}

/** DORA's bands as a chip shows them. */
export const BANDS: Record<
  DoraBand,
  { label: string; color: 'success' | 'info' | 'warning' | 'error' }
> = {
  elite: { label: 'Elite', color: 'success' },
  high: { label: 'High', color: 'info' },
  medium: { label: 'Medium', color: 'warning' },
  low: { label: 'Low', color: 'error' },
};

/** Each source as the empty states name it. */
export const SOURCE_NAMES: Record<DeliverySourceKind, string> = {
  github: 'GitHub deployments',
  gitlab: 'GitLab deployments',
  pipeline: 'Deploy reports of the CI pipelines',
  pagerduty: 'PagerDuty incidents',
  alertmanager: 'Alertmanager burn alerts',
};

/** The sources deployments come from, and those incidents and detection come from. */
export const DEPLOY_SOURCES: readonly DeliverySourceKind[] = [
  'github',
  'gitlab',
  'pipeline',
];
export const INCIDENT_SOURCES: readonly DeliverySourceKind[] = [
  'pagerduty',
  'alertmanager',
];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * A deployment's lead time in hours: the median, over the commits it
 * shipped, of commit to finished deployment (as the lead-time metric counts
 * it). Null while it runs or when it shipped no new commit.
 */
export function deploymentLeadHours(
  deployment: DeploymentEvent,
): number | null {
  if (!deployment.finishedAt || deployment.commits.length === 0) return null;
  const finished = Date.parse(deployment.finishedAt);
  return median(
    deployment.commits.map(c => (finished - Date.parse(c.committedAt)) / 36e5),
  );
}

/** An instant as "7 Dec, 09:30" in UTC. */
export function formatInstant(iso: string): string {
  return `${new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })} UTC`;
}

/** Day of a `YYYY-MM-DD` date for chart axes, e.g. "14 Nov". */
export function formatDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
