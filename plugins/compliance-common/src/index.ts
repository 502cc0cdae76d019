/**
 * Shared by the compliance plugins: the HTTP contract's types, the
 * permissions and the pure scorecard and control computation.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './permissions';
export * from './scorecard';
export * from './client';
