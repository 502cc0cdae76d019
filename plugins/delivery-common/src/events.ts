/**
 * The events delivery metrics are computed from, as the backend stores them
 * after reading its sources (GitHub, GitLab, PagerDuty, Alertmanager, and
 * the deploy reports of the generated CI pipelines). Times are ISO 8601
 * strings in UTC; every event names the catalog component it belongs to.
 */

/** Where an event was read from. */
export type DeliverySourceKind =
  | 'github'
  | 'gitlab'
  | 'pipeline'
  | 'pagerduty'
  | 'alertmanager';

/** A commit shipped by a deployment (lead time runs from `committedAt`). */
export interface DeployedCommit {
  sha: string;
  committedAt: string;
}

/** The outcome of a deployment as its source reports it. */
export type DeploymentStatus = 'success' | 'failure' | 'in_progress';

/** One deployment of a component to an environment. */
export interface DeploymentEvent {
  /** Stable id within its source, e.g. `github:owner/repo:123456`. */
  id: string;
  source: DeliverySourceKind;
  /** The component's full ref, e.g. `component:default/payments-api`. */
  entityRef: string;
  /** As the source names it; metrics count `production` only. */
  environment: string;
  status: DeploymentStatus;
  /** The commit deployed. */
  sha: string;
  /** When the deployment was created at its source. */
  startedAt: string;
  /** When it reached its final status; null while in progress. */
  finishedAt: string | null;
  /** Commits this deployment shipped that no earlier one did. */
  commits: DeployedCommit[];
  /**
   * Set when this deployment rolls back or reverts an earlier one (its id):
   * the earlier deployment counts as a failed change.
   */
  rollbackOf: string | null;
}

/** An incident on a component, from PagerDuty (or a stand-in speaking its API). */
export interface IncidentEvent {
  id: string;
  source: DeliverySourceKind;
  entityRef: string;
  title: string;
  /** PagerDuty's urgency. */
  urgency: 'high' | 'low';
  triggeredAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

/** A burn-rate alert from Alertmanager: its first firing starts detection. */
export interface AlertEvent {
  /** Alertmanager's fingerprint plus `startsAt`: one firing. */
  id: string;
  entityRef: string;
  alertname: string;
  severity: string;
  startsAt: string;
  endsAt: string | null;
}
