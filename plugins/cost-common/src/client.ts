import { entityPath, PluginFetch } from '@gogidix/portal-common';
import { CostOverview, CostSavings, EntityCost } from './api';
import { CostInvoice, CostPeriodBasis } from './invoice';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface CostClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Typed access to the cost backend. */
export interface CostApi {
  getEntityCost(entityRef: string, days: number): Promise<EntityCost>;
  getOverview(options: { days: number; team?: string }): Promise<CostOverview>;
  getSavings(options?: { team?: string }): Promise<CostSavings>;
  /** The bill per month by billing or charge period (`cost.import.read`). */
  getInvoice(options: {
    basis: CostPeriodBasis;
    months?: number;
  }): Promise<CostInvoice>;
  /**
   * Daily cost by service as CSV. Fetched (not linked) because the request
   * must carry the user's token.
   */
  exportCsv(options: { days: number; team?: string }): Promise<string>;
}

export class CostClient implements CostApi {
  readonly #http: PluginFetch;

  constructor(options: CostClientOptions) {
    this.#http = new PluginFetch('cost', options);
  }

  async getEntityCost(entityRef: string, days: number): Promise<EntityCost> {
    return this.#http.json<EntityCost>(
      `/entities/${entityPath(entityRef)}/cost`,
      { days: String(days) },
    );
  }

  async getOverview(options: {
    days: number;
    team?: string;
  }): Promise<CostOverview> {
    return this.#http.json<CostOverview>('/overview', query(options));
  }

  async getSavings(options: { team?: string } = {}): Promise<CostSavings> {
    return this.#http.json<CostSavings>('/savings', query(options));
  }

  async getInvoice(options: {
    basis: CostPeriodBasis;
    months?: number;
  }): Promise<CostInvoice> {
    const params: Record<string, string> = { basis: options.basis };
    if (options.months !== undefined) params.months = String(options.months);
    return this.#http.json<CostInvoice>('/invoice', params);
  }

  async exportCsv(options: { days: number; team?: string }): Promise<string> {
    return this.#http.text('/export.csv', query(options));
  }
}

function query(options: {
  days?: number;
  team?: string;
}): Record<string, string> {
  const params: Record<string, string> = {};
  if (options.days !== undefined) params.days = String(options.days);
  if (options.team) params.team = options.team;
  return params;
}
