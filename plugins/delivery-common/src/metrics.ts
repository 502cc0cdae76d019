/** Delivery metrics as the backend serves them (computed in `compute/`). */

/** A period of whole days ending at `to` (exclusive), ISO 8601 in UTC. */
export interface DeliveryPeriod {
  from: string;
  to: string;
  days: number;
}

/**
 * DORA's performance bands, as the State of DevOps report defines them for
 * each of the four keys; `null` where there is nothing to rate.
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/** One figure, the previous period's, and the band where DORA defines one. */
export interface MetricValue {
  /** Null when the period has no events to compute it from. */
  value: number | null;
  previous: number | null;
  /** (value - previous) / previous; null when either is null or previous is 0. */
  change: number | null;
  band: DoraBand | null;
  /** Events the figure is computed from (deployments, changes or incidents). */
  sample: number;
}

export interface DeliveryMetrics {
  /** Successful production deployments per day. */
  deploymentFrequency: MetricValue;
  /** Median hours from commit to its production deployment. */
  leadTimeHours: MetricValue;
  /** Share (0..1) of production deployments followed by an incident or rollback within the window. */
  changeFailureRate: MetricValue;
  /** Median minutes from an incident's trigger to its resolution (time to restore). */
  timeToRestoreMinutes: MetricValue;
  /** Median minutes from the first burn alert to the incident's trigger. */
  timeToDetectMinutes: MetricValue;
  /** Incidents triggered in the period. */
  incidentCount: MetricValue;
  /**
   * Incidents triggered before the period's end and not resolved by then:
   * left out of time to restore until they are resolved.
   */
  openIncidents: number;
  /** Incidents triggered in the period that no burn alert detected: left out of time to detect. */
  undetectedIncidents: number;
}

/** A day of a service's or team's delivery, for the charts. */
export interface DeliveryDay {
  date: string;
  deployments: number;
  failedDeployments: number;
  incidents: number;
}

/** The keys of {@link DeliveryMetrics} that hold a figure with its trend. */
export type DeliveryMetricKey = {
  [K in keyof DeliveryMetrics]: DeliveryMetrics[K] extends MetricValue
    ? K
    : never;
}[keyof DeliveryMetrics];
