/**
 * SLO pages for the portal (new frontend system).
 *
 * @packageDocumentation
 */
export { sloPlugin as default } from './plugin';
