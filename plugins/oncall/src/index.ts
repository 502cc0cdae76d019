/**
 * The on-call page, runbooks rendered in the portal, and each entity's
 * on-call tab.
 *
 * @packageDocumentation
 */
export { onCallPlugin as default } from './plugin';
/** The typed client, for app pages that combine families (the teams roll-up). */
export { onCallApiRef } from './apiRef';
