import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntitySloStatus, OrgSloSummary } from '@gogidix/plugin-slo-common';
import { OrgSloFilter, SloApi } from './SloApi';

function filterQuery(filter: OrgSloFilter = {}): string {
  const query = new URLSearchParams();
  for (const owner of filter.owners ?? []) query.append('owner', owner);
  for (const tier of filter.tiers ?? []) query.append('tier', tier);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export class SloClient implements SloApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getEntityStatus(
    entity: CompoundEntityRef,
    at?: Date,
  ): Promise<EntitySloStatus> {
    const path = [entity.kind, entity.namespace, entity.name]
      .map(encodeURIComponent)
      .join('/');
    const query = at ? `?${new URLSearchParams({ at: at.toISOString() })}` : '';
    return (await this.get(`/entities/${path}/status${query}`)).json();
  }

  async getOrgSummary(filter?: OrgSloFilter): Promise<OrgSloSummary> {
    return (await this.get(`/summary${filterQuery(filter)}`)).json();
  }

  async getOrgSummaryCsv(filter?: OrgSloFilter): Promise<string> {
    return (await this.get(`/summary.csv${filterQuery(filter)}`)).text();
  }

  private async get(path: string): Promise<Response> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('slo');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
