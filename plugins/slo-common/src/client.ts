import { CompoundEntityRef } from '@backstage/catalog-model';
import { entityPath, PluginFetch } from '@gogidix/portal-common';
import { EntitySloStatus, OrgSloSummary } from './api';
import {
  DeployChangeKind,
  DeployGateDecision,
  DeployGateOverride,
  DeployGateOverrideList,
} from './deployGate/types';

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
  /** What the deploy gate answers now for a change of this kind (default feature). */
  getDeployGate(
    entityRef: string,
    kind?: DeployChangeKind,
  ): Promise<DeployGateDecision>;
  getDeployGateOverrides(entityRef: string): Promise<DeployGateOverrideList>;
  createDeployGateOverride(request: {
    entityRef: string;
    reason: string;
    expiresInMinutes: number;
  }): Promise<DeployGateOverride>;
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

  async getDeployGate(
    entityRef: string,
    kind?: DeployChangeKind,
  ): Promise<DeployGateDecision> {
    return this.#http.json('/deploy-gate', { entityRef, kind });
  }

  async getDeployGateOverrides(
    entityRef: string,
  ): Promise<DeployGateOverrideList> {
    return this.#http.json('/deploy-gate/overrides', { entityRef });
  }

  async createDeployGateOverride(request: {
    entityRef: string;
    reason: string;
    expiresInMinutes: number;
  }): Promise<DeployGateOverride> {
    const response = await this.#http.fetch(
      '/deploy-gate/overrides',
      {},
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    return response.json();
  }
}
