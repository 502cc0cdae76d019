/**
 * Types and the permission of the audit trail plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './types';
