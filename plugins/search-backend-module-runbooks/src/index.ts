/**
 * Search collator for runbooks (`type: runbook`).
 *
 * @packageDocumentation
 */
export { searchModuleRunbooks as default } from './module';
