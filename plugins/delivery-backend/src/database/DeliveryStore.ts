import {
  AlertEvent,
  DeliverySamples,
  DeploymentEvent,
  IncidentEvent,
} from '@gogidix/plugin-delivery-common';

/** Events in `[from, to)` by their start, for some components or all. */
export interface EventQuery {
  from: string;
  to: string;
  /** Only these components; all when absent. */
  entityRefs?: string[];
}

/** A day of a period with events: its index from the period's first day, and counts. */
export type RollupDay = [
  day: number,
  deployments: number,
  failedDeployments: number,
  incidents: number,
];

/** One service's figures of a period and the one before, as computed from its events. */
export interface ServicePeriodFigures {
  current: DeliverySamples;
  previous: DeliverySamples;
  /** Only days with a deployment or incident. */
  days: RollupDay[];
}

/** A service's stored figures of one period, and the version of its events they came from. */
export interface PeriodRollup {
  entityRef: string;
  version: number;
  /** Null when the service had no event in the span read. */
  figures: ServicePeriodFigures | null;
}

/**
 * Where delivery events are kept; writes replace an event of the same id.
 * Every write that changes a service's events (a new or different event,
 * or one moved to it or away from it) raises that service's version; an
 * event written again unchanged raises none.
 */
export interface DeliveryStore {
  upsertDeployments(deployments: DeploymentEvent[]): Promise<void>;
  upsertIncidents(incidents: IncidentEvent[]): Promise<void>;
  upsertAlerts(alerts: AlertEvent[]): Promise<void>;
  /** By `startedAt`, oldest first. */
  deployments(query: EventQuery): Promise<DeploymentEvent[]>;
  /** The stored deployments among these ids, in no order. */
  deploymentsById(ids: string[]): Promise<DeploymentEvent[]>;
  /** By `triggeredAt`, oldest first. */
  incidents(query: EventQuery): Promise<IncidentEvent[]>;
  /** By `startsAt`, oldest first. */
  alerts(query: EventQuery): Promise<AlertEvent[]>;
  /** Firings stored without an end that started at or after `since`. */
  openAlerts(since: string): Promise<AlertEvent[]>;
  /** Each service's version; a service never written is absent (version 0). */
  serviceVersions(entityRefs: string[]): Promise<Map<string, number>>;
  /** The stored rollups of one period (`periodKey`) for these services. */
  periodRollups(
    periodKey: string,
    entityRefs: string[],
  ): Promise<Map<string, PeriodRollup>>;
  /** Keeps rollups of one period, and drops those of periods ended before `periodTo`. */
  savePeriodRollups(
    period: { key: string; to: string },
    rollups: PeriodRollup[],
  ): Promise<void>;
}
