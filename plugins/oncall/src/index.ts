/**
 * The on-call page, runbooks rendered in the portal, and each entity's
 * on-call tab.
 *
 * @packageDocumentation
 */
export { onCallPlugin as default } from './plugin';
