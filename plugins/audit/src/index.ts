/**
 * The audit trail page of the portal, at /audit.
 *
 * @packageDocumentation
 */
export { auditPlugin as default } from './plugin';
