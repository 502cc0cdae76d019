import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  EntityCompliance,
  OrgCompliance,
  Waiver,
  WaiverRequest,
} from '@gogidix/plugin-compliance-common';
import { ComplianceApi, ComplianceFilter } from './ComplianceApi';

function filterQuery(filter: ComplianceFilter = {}): string {
  const query = new URLSearchParams();
  for (const team of filter.teams ?? []) query.append('team', team);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const entityPath = (entity: CompoundEntityRef) =>
  [entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/');

export class ComplianceClient implements ComplianceApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getEntityCompliance(entity: CompoundEntityRef) {
    return (
      await this.call(`/entities/${entityPath(entity)}`)
    ).json() as Promise<EntityCompliance>;
  }

  async getOrgCompliance(filter?: ComplianceFilter) {
    return (
      await this.call(`/summary${filterQuery(filter)}`)
    ).json() as Promise<OrgCompliance>;
  }

  async createWaiver(entity: CompoundEntityRef, request: WaiverRequest) {
    const response = await this.call(
      `/entities/${entityPath(entity)}/waivers`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    return response.json() as Promise<Waiver>;
  }

  async getExport(format: 'csv' | 'json', filter?: ComplianceFilter) {
    return (await this.call(`/export.${format}${filterQuery(filter)}`)).blob();
  }

  private async call(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('compliance');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
