import { CompoundEntityRef } from '@backstage/catalog-model';
import { entityPath, PluginFetch, PluginQuery } from '@gogidix/portal-common';
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

function filterQuery(filter: ComplianceFilter = {}) {
  return { team: filter.teams };
}

export class ComplianceClient implements ComplianceApi {
  readonly #http: PluginFetch;

  constructor(options: ComplianceClientOptions) {
    this.#http = new PluginFetch('compliance', options);
  }

  async getEntityCompliance(entity: CompoundEntityRef) {
    return (
      await this.#fetch(`/entities/${entityPath(entity)}`)
    ).json() as Promise<EntityCompliance>;
  }

  async getOrgCompliance(filter?: ComplianceFilter) {
    return (
      await this.#fetch('/summary', filterQuery(filter))
    ).json() as Promise<OrgCompliance>;
  }

  async createWaiver(entity: CompoundEntityRef, request: WaiverRequest) {
    const response = await this.#fetch(
      `/entities/${entityPath(entity)}/waivers`,
      undefined,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    return response.json() as Promise<Waiver>;
  }

  async getExport(format: 'csv' | 'json', filter?: ComplianceFilter) {
    return (await this.#fetch(`/export.${format}`, filterQuery(filter))).blob();
  }

  /** Always hands `fetchApi.fetch` an `init`, `undefined` for a GET. */
  #fetch(
    path: string,
    query?: PluginQuery,
    init?: RequestInit,
  ): Promise<Response> {
    return this.#http.fetch(path, query, init);
  }
}
