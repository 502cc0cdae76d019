/**
 * The catalog's actions for AI assistants: find a service, its owner,
 * dependencies and APIs.
 *
 * @packageDocumentation
 */

export { catalogModuleServiceActions as default } from './module';
