import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import { entityPath } from '@gogidix/portal-common';
import { EntitySloStatus, OrgSloSummary } from './api';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface SloClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

export interface OrgSloFilter {
  owners?: string[];
  tiers?: string[];
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

export const sloApiRef = createApiRef<SloApi>().with({
  id: 'plugin.slo.api',
  pluginId: 'slo',
});

function filterQuery(filter: OrgSloFilter = {}): string {
  const query = new URLSearchParams();
  for (const owner of filter.owners ?? []) query.append('owner', owner);
  for (const tier of filter.tiers ?? []) query.append('tier', tier);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export class SloClient implements SloApi {
  readonly #discoveryApi: SloClientOptions['discoveryApi'];
  readonly #fetchApi: SloClientOptions['fetchApi'];

  constructor(options: SloClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getEntityStatus(
    entity: CompoundEntityRef,
    at?: Date,
  ): Promise<EntitySloStatus> {
    const query = at ? `?${new URLSearchParams({ at: at.toISOString() })}` : '';
    return (
      await this.#fetch(`/entities/${entityPath(entity)}/status${query}`)
    ).json();
  }

  async getOrgSummary(filter?: OrgSloFilter): Promise<OrgSloSummary> {
    return (await this.#fetch(`/summary${filterQuery(filter)}`)).json();
  }

  async getOrgSummaryCsv(filter?: OrgSloFilter): Promise<string> {
    return (await this.#fetch(`/summary.csv${filterQuery(filter)}`)).text();
  }

  async #fetch(path: string): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('slo');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
