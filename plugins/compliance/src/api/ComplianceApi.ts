import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  EntityCompliance,
  OrgCompliance,
  Waiver,
  WaiverRequest,
} from '@gogidix/plugin-compliance-common';

export interface ComplianceFilter {
  /** Owning group refs. */
  teams?: string[];
}

/** The compliance backend, as the pages use it. */
export interface ComplianceApi {
  getEntityCompliance(entity: CompoundEntityRef): Promise<EntityCompliance>;
  getOrgCompliance(filter?: ComplianceFilter): Promise<OrgCompliance>;
  createWaiver(
    entity: CompoundEntityRef,
    request: WaiverRequest,
  ): Promise<Waiver>;
  /** The auditor export as a file to save. */
  getExport(format: 'csv' | 'json', filter?: ComplianceFilter): Promise<Blob>;
}

export const complianceApiRef = createApiRef<ComplianceApi>({
  id: 'plugin.compliance.api',
});
