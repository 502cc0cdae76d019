import {
  AuditEvent,
  AuditEventPage,
  AuditEventQuery,
} from '@gogidix/plugin-audit-common';

/**
 * What the auditor hands to the store: an action when it starts, and the
 * same id again when it succeeds or fails.
 */
export type AuditRecord = AuditEvent;

export interface AuditStore {
  /**
   * Stores records, newest state last: a record with an id already stored
   * completes that row (outcome, completion time, error, meta).
   */
  write(records: AuditRecord[]): Promise<void>;
  list(
    query: AuditEventQuery,
    page: { offset: number; limit: number },
  ): Promise<AuditEventPage>;
  /** Deletes events that started before `before`; returns how many. */
  deleteBefore(before: Date): Promise<number>;
}
