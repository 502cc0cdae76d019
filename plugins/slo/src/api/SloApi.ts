import { createApiRef } from '@backstage/frontend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntitySloStatus, OrgSloSummary } from '@gogidix/plugin-slo-common';

export interface OrgSloFilter {
  owners?: string[];
  tiers?: string[];
}

/** The SLO backend, as the pages use it. */
export interface SloApi {
  getEntityStatus(
    entity: CompoundEntityRef,
    at?: Date,
  ): Promise<EntitySloStatus>;
  getOrgSummary(filter?: OrgSloFilter): Promise<OrgSloSummary>;
  /** The org summary's rows as CSV text. */
  getOrgSummaryCsv(filter?: OrgSloFilter): Promise<string>;
}

export const sloApiRef = createApiRef<SloApi>({ id: 'plugin.slo.api' });
