/**
 * Shared types, pure cost computations, permissions and the typed client of
 * the cost plugin family.
 *
 * @packageDocumentation
 */
export * from './anomalies';
export * from './api';
export * from './attribution';
export * from './client';
export * from './focus';
export * from './focusColumns';
export * from './invoice';
export * from './money';
export * from './permissions';
export * from './savings';
export * from './series';
