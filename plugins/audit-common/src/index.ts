/**
 * Types and the permission of the audit trail plugins.
 *
 * @packageDocumentation
 */
export * from './client';
export * from './permissions';
export * from './types';
