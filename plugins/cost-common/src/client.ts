import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import { entityPath } from '@gogidix/portal-common';
import { CostOverview, CostSavings, EntityCost } from './api';

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
  /**
   * Daily cost by service as CSV. Fetched (not linked) because the request
   * must carry the user's token.
   */
  exportCsv(options: { days: number; team?: string }): Promise<string>;
}

export const costApiRef = createApiRef<CostApi>().with({
  id: 'plugin.cost.api',
  pluginId: 'cost',
});

export class CostClient implements CostApi {
  readonly #discoveryApi: CostClientOptions['discoveryApi'];
  readonly #fetchApi: CostClientOptions['fetchApi'];

  constructor(options: CostClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getEntityCost(entityRef: string, days: number): Promise<EntityCost> {
    return this.#get<EntityCost>(`/entities/${entityPath(entityRef)}/cost`, {
      days: String(days),
    });
  }

  async getOverview(options: {
    days: number;
    team?: string;
  }): Promise<CostOverview> {
    return this.#get<CostOverview>('/overview', query(options));
  }

  async getSavings(options: { team?: string } = {}): Promise<CostSavings> {
    return this.#get<CostSavings>('/savings', query(options));
  }

  async exportCsv(options: { days: number; team?: string }): Promise<string> {
    return (await this.#fetch('/export.csv', query(options))).text();
  }

  async #get<T>(path: string, params: Record<string, string>): Promise<T> {
    return (await (await this.#fetch(path, params)).json()) as T;
  }

  async #fetch(
    path: string,
    params: Record<string, string>,
  ): Promise<Response> {
    const base = await this.#discoveryApi.getBaseUrl('cost');
    const response = await this.#fetchApi.fetch(
      `${base}${path}?${new URLSearchParams(params)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
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
