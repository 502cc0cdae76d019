/**
 * Compliance pages for the portal (new frontend system).
 *
 * @packageDocumentation
 */
export { compliancePlugin as default } from './plugin';
export { complianceApiRef } from './api/ComplianceApi';
export type { ComplianceApi, ComplianceFilter } from './api/ComplianceApi';
export { ComplianceClient } from './api/ComplianceClient';
