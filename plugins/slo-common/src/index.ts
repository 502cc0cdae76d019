/**
 * Shared by the SLO plugins and the software templates: OpenSLO v1 parsing,
 * the pure error budget / burn rate computation, and Sloth-compatible
 * Prometheus rules.
 *
 * @packageDocumentation
 */
export * from './openslo/types';
export { parseOpenSloDocuments } from './openslo/parse';
export { durationSeconds, prometheusDuration } from './openslo/duration';
export * from './compute/windows';
export * from './compute/budget';
export * from './compute/evaluate';
export { complementText, percentText } from './compute/decimal';
export { errorRatioQuery, goodRatioQuery } from './sloth/queries';
export * from './sloth/rules';
export * from './deployGate/types';
export * from './deployGate/policy';
export * from './api';
export * from './permissions';
export * from './client';
