/**
 * The on-call page, runbooks rendered in the portal, and each entity's
 * on-call tab.
 *
 * @packageDocumentation
 */
export { onCallPlugin as default } from './plugin';
export { onCallApiRef } from './api/OnCallApi';
export type { OnCallApi, RunbookList } from './api/OnCallApi';
