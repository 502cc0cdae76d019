/**
 * SLO pages for the portal (new frontend system).
 *
 * @packageDocumentation
 */
export { sloPlugin as default } from './plugin';
export { sloApiRef } from './api/SloApi';
export type { SloApi, OrgSloFilter } from './api/SloApi';
export { SloClient } from './api/SloClient';
