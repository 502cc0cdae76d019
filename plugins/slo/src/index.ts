/**
 * SLO pages for the portal (new frontend system).
 *
 * @packageDocumentation
 */
export { sloPlugin as default } from './plugin';
/** The typed client, for app pages that combine families (the teams roll-up). */
export { sloApiRef } from './apiRef';
