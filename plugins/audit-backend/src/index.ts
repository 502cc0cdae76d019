/**
 * The audit trail: stores every Backstage auditor event and serves it to
 * platform admins.
 *
 * Add both the plugin and `auditorServiceFactory` to the backend.
 *
 * @packageDocumentation
 */
export { auditPlugin as default } from './plugin';
export { auditorServiceFactory } from './service/auditorServiceFactory';
export {
  AuditEventQueue,
  auditEventQueueServiceRef,
} from './service/AuditEventQueue';
export type { AuditStore } from './database/AuditStore';
export { DatabaseAuditStore } from './database/DatabaseAuditStore';
