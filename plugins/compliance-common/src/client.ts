import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import { entityPath } from '@gogidix/portal-common';
import { EntityCompliance, OrgCompliance, Waiver, WaiverRequest } from './api';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface ComplianceClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

export interface ComplianceFilter {
  /** Owning group refs. */
  teams?: string[];
}

/** Typed access to the compliance backend. */
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

export const complianceApiRef = createApiRef<ComplianceApi>().with({
  id: 'plugin.compliance.api',
  pluginId: 'compliance',
});

function filterQuery(filter: ComplianceFilter = {}): string {
  const query = new URLSearchParams();
  for (const team of filter.teams ?? []) query.append('team', team);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export class ComplianceClient implements ComplianceApi {
  readonly #discoveryApi: ComplianceClientOptions['discoveryApi'];
  readonly #fetchApi: ComplianceClientOptions['fetchApi'];

  constructor(options: ComplianceClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getEntityCompliance(entity: CompoundEntityRef) {
    return (
      await this.#fetch(`/entities/${entityPath(entity)}`)
    ).json() as Promise<EntityCompliance>;
  }

  async getOrgCompliance(filter?: ComplianceFilter) {
    return (
      await this.#fetch(`/summary${filterQuery(filter)}`)
    ).json() as Promise<OrgCompliance>;
  }

  async createWaiver(entity: CompoundEntityRef, request: WaiverRequest) {
    const response = await this.#fetch(
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
    return (
      await this.#fetch(`/export.${format}${filterQuery(filter)}`)
    ).blob();
  }

  async #fetch(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('compliance');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
