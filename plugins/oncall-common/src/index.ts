/**
 * Shared by the on-call and runbooks plugins: annotation names, wire types and
 * the portal's runbook URLs.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './types';
export * from './urls';
export * from './permissions';
