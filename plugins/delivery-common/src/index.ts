/**
 * Shared types, pure delivery metrics, permissions and the typed client of
 * the delivery plugin family.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './client';
export * from './events';
export * from './metrics';
export * from './permissions';
export * from './compute/bands';
export * from './compute/budgetBurn';
export * from './compute/judge';
export * from './compute/metrics';
export {
  DEFAULT_DELIVERY_JUDGEMENT,
  median,
  resolvePeriod,
} from './compute/options';
export type {
  DeliveryEvents,
  DeliveryJudgementOptions,
  DeliveryOptions,
  ResolvedPeriod,
} from './compute/options';
export * from './compute/targets';
