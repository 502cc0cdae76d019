/**
 * Compliance pages for the portal (new frontend system).
 *
 * @packageDocumentation
 */
export { compliancePlugin as default } from './plugin';
