import { JsonObject } from '@backstage/types';

/** How serious an auditor event is, as Backstage's AuditorService grades it. */
export type AuditSeverity = 'low' | 'medium' | 'high' | 'critical';

/**
 * Where an audited action stands: `initiated` until the plugin reports
 * success or failure (an action that never reports stays `initiated`).
 */
export type AuditOutcome = 'initiated' | 'succeeded' | 'failed';

export const AUDIT_SEVERITIES: AuditSeverity[] = [
  'low',
  'medium',
  'high',
  'critical',
];
export const AUDIT_OUTCOMES: AuditOutcome[] = [
  'initiated',
  'succeeded',
  'failed',
];

/** One audited action, as stored and served by the audit backend. */
export interface AuditEvent {
  id: string;
  /** When the action started (ISO 8601). */
  time: string;
  /** When it succeeded or failed (ISO 8601). */
  completedAt?: string;
  /** The plugin that reported it, e.g. `catalog`. */
  plugin: string;
  /** The action, e.g. `location-mutate`, `task`, `cost-import`. */
  eventId: string;
  severity: AuditSeverity;
  outcome: AuditOutcome;
  /** A user entity ref or a service subject; absent when unknown. */
  actor?: string;
  /** What the action was on (entity ref, location, template, task...). */
  target?: string;
  /** The error message of a failed action. */
  error?: string;
  /** The request method and path, with secrets in the query removed. */
  request?: { method: string; url: string };
  /** The plugin's details of the action, with secret-looking fields removed. */
  meta?: JsonObject;
}

/** The filters of the audit trail's list and exports. */
export interface AuditEventQuery {
  plugin?: string;
  eventId?: string;
  actor?: string;
  outcome?: AuditOutcome;
  severity?: AuditSeverity;
  /** Free text matched against the target. */
  target?: string;
  /** Inclusive lower bound on `time` (ISO 8601). */
  from?: string;
  /** Exclusive upper bound on `time` (ISO 8601). */
  to?: string;
}

/** One page of the audit trail, newest first. */
export interface AuditEventPage {
  items: AuditEvent[];
  totalCount: number;
  offset: number;
  limit: number;
}
