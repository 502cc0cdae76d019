import {
  AlertEvent,
  DeploymentEvent,
  IncidentEvent,
} from '@gogidix/plugin-delivery-common';

/** What one read of a source found; a source fills the kinds it has. */
export interface DeliveryEvents {
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  alerts: AlertEvent[];
}

/**
 * One place delivery events come from (GitHub, GitLab, PagerDuty,
 * Alertmanager). `read` returns every event that started at or after
 * `since` for the components whose annotations the source follows; reading
 * again returns the same ids, so storing is idempotent.
 */
export interface DeliverySource {
  /** For logs and the empty states, e.g. `github`. */
  readonly name: string;
  read(since: Date): Promise<DeliveryEvents>;
}

export const noEvents = (): DeliveryEvents => ({
  deployments: [],
  incidents: [],
  alerts: [],
});
