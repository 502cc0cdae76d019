import {
  AlertEvent,
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

/** Where delivery events are kept; writes replace an event of the same id. */
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
}
