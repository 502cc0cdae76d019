import { CompoundEntityRef } from '@backstage/catalog-model';
import { entityPath, PluginFetch } from '@gogidix/portal-common';
import { EntitySloStatus, OrgSloSummary } from './api';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface SloClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

export interface OrgSloFilter {
  owners?: string[];
  tiers?: string[];
  /** As of this moment instead of now. */
  at?: Date;
}

/** Typed access to the SLO backend. */
export interface SloApi {
  getEntityStatus(
    entity: CompoundEntityRef,
    at?: Date,
  ): Promise<EntitySloStatus>;
  getOrgSummary(filter?: OrgSloFilter): Promise<OrgSloSummary>;
  /** The org summary's rows as CSV text. */
  getOrgSummaryCsv(filter?: OrgSloFilter): Promise<string>;
}

function filterQuery(filter: OrgSloFilter = {}) {
  return {
    owner: filter.owners,
    tier: filter.tiers,
    at: filter.at?.toISOString(),
  };
}

export class SloClient implements SloApi {
  readonly #http: PluginFetch;

  constructor(options: SloClientOptions) {
    this.#http = new PluginFetch('slo', options);
  }

  async getEntityStatus(
    entity: CompoundEntityRef,
    at?: Date,
  ): Promise<EntitySloStatus> {
    return this.#http.json(`/entities/${entityPath(entity)}/status`, {
      at: at?.toISOString(),
    });
  }

  async getOrgSummary(filter?: OrgSloFilter): Promise<OrgSloSummary> {
    return this.#http.json('/summary', filterQuery(filter));
  }

  async getOrgSummaryCsv(filter?: OrgSloFilter): Promise<string> {
    return this.#http.text('/summary.csv', filterQuery(filter));
  }
}
