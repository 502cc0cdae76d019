/**
 * Cost per service and team from FOCUS billing exports and OpenCost.
 *
 * @packageDocumentation
 */
export { costPlugin as default } from './plugin';
export type { CostStore } from './database/CostStore';
export { DatabaseCostStore } from './database/DatabaseCostStore';
