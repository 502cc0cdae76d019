/**
 * Shared by the on-call and runbooks plugins: annotation names, wire types,
 * the portal's runbook URLs, and the rule of what an annotation may point at
 * (also used by the cost backend).
 *
 * @packageDocumentation
 */
export * from './types';
export * from './urls';
export * from './permissions';
export * from './annotationBounds';
export * from './client';
