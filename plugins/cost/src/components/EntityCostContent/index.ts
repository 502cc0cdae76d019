export { EntityCostContent } from './EntityCostContent';
