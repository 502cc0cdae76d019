/**
 * Delivery pages of the portal: the team and organisation page at /delivery
 * and a delivery tab on components.
 *
 * @packageDocumentation
 */
export { deliveryPlugin as default } from './plugin';
/** The typed client, for pages of other families (the SLO tab's deploy marks). */
export { deliveryApiRef } from './apiRef';
