/**
 * The on-call backend: runbooks, Alertmanager alerts and PagerDuty on-call.
 *
 * @packageDocumentation
 */
export { oncallPlugin as default } from './plugin';
