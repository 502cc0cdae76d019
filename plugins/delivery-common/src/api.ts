import { DeliverySourceKind, DeploymentEvent, IncidentEvent } from './events';
import { DeliveryDay, DeliveryMetrics, DeliveryPeriod } from './metrics';

/**
 * Whether one source is set up, and what to set when it is not, so that an
 * empty page names what to configure instead of only saying "no data".
 */
export interface DeliverySourceState {
  kind: DeliverySourceKind;
  configured: boolean;
  /**
   * What is read (`github.com/acme/payments-api`), or what to set, e.g.
   * "set delivery.github.token, or annotate github.com/project-slug".
   */
  detail: string;
  /** The config key that turns the source on, when it is off. */
  configKey?: string;
}

/** `GET /entities/:kind/:namespace/:name/delivery?days=` */
export interface EntityDelivery {
  entityRef: string;
  period: DeliveryPeriod;
  metrics: DeliveryMetrics;
  /** One entry per day of the period, oldest first. */
  days: DeliveryDay[];
  /** The most recent deployments of the period, newest first. */
  deployments: DeploymentEvent[];
  /** Incidents triggered in the period, newest first. */
  incidents: IncidentEvent[];
  /**
   * Annotations of the component that do not count, and why (a repository
   * or PagerDuty service another owner also claims): its events are not read.
   */
  conflicts: string[];
  sources: DeliverySourceState[];
}

/** `GET /entities/:kind/:namespace/:name/deployments?from=&to=` */
export interface EntityDeployments {
  entityRef: string;
  /** Deployments started in [from, to), oldest first. */
  deployments: DeploymentEvent[];
}

/** `GET /teams`: the teams whose delivery the caller may read. */
export interface DeliveryTeams {
  items: Array<{
    /** The team's full group ref. */
    team: string;
    /** Components the team owns. */
    services: number;
  }>;
}

/** A team's delivery on the org page. */
export interface TeamDeliveryRow {
  /** The team's full group ref, e.g. `group:default/payments`. */
  team: string;
  metrics: DeliveryMetrics;
  /** Services of the team the figures cover. */
  services: number;
}

/** A service's delivery on the org page. */
export interface ServiceDeliveryRow {
  entityRef: string;
  name: string;
  /** The owning team's full group ref. */
  team: string;
  metrics: DeliveryMetrics;
}

/** How a success-metric target's goal and measured value read. */
export type SuccessTargetUnit =
  /** A duration in minutes (mean time to detect, to restore). */
  | 'minutes'
  /** A share 0..1 (an SLO's availability, successful backups). */
  | 'ratio'
  /** A relative change against the baseline (-0.5 is "half as many"). */
  | 'change';

/** One of the platform's success metrics, its goal against the measured value. */
export interface SuccessTarget {
  /** What is measured, e.g. "Mean time to detect". */
  label: string;
  goal: number;
  unit: SuccessTargetUnit;
  /** Met when the measured value is at most (or at least) the goal. */
  direction: 'atMost' | 'atLeast';
  /** Null when nothing measures it yet. */
  measured: number | null;
  /**
   * The backend's verdict (a time limit is met strictly below it; ratios
   * compare to the billionth); `no-data` when `measured` is null.
   */
  status: 'met' | 'not-met' | 'no-data';
  /** Where the measured value comes from, or why there is none. */
  detail: string;
}

/** `GET /overview?days=&team=` */
export interface DeliveryOverview {
  period: DeliveryPeriod;
  /** The figures over every team the user may read (or the team asked for). */
  org: DeliveryMetrics;
  teams: TeamDeliveryRow[];
  services: ServiceDeliveryRow[];
  days: DeliveryDay[];
  /** The platform's success-metric targets, when the backend measures them. */
  targets?: SuccessTarget[];
  sources: DeliverySourceState[];
}
