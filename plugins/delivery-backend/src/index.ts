/**
 * Delivery metrics per service and team from GitHub, GitLab, PagerDuty,
 * Alertmanager and the CI pipelines' deploy reports.
 *
 * @packageDocumentation
 */
export { deliveryPlugin as default } from './plugin';
export type { DeliveryStore } from './database/DeliveryStore';
export { DatabaseDeliveryStore } from './database/DatabaseDeliveryStore';
