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
