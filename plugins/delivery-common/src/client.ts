import { entityPath, PluginFetch } from '@gogidix/portal-common';
import { DeliveryOverview, EntityDelivery, EntityDeployments } from './api';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface DeliveryClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Which days and team the org page asks for. */
export interface DeliveryOverviewQuery {
  days: number;
  /** A team's full group ref; all teams the user may read when absent. */
  team?: string;
}

/** Typed access to the delivery backend. */
export interface DeliveryApi {
  getEntityDelivery(entityRef: string, days: number): Promise<EntityDelivery>;
  getOverview(query: DeliveryOverviewQuery): Promise<DeliveryOverview>;
  /**
   * Each service's figures as CSV. Fetched (not linked) because the request
   * must carry the user's token.
   */
  exportCsv(query: DeliveryOverviewQuery): Promise<string>;
  /** An entity's deployments started in [from, to), ISO 8601 instants. */
  getDeployments(
    entityRef: string,
    range: { from: string; to: string },
  ): Promise<EntityDeployments>;
}

export class DeliveryClient implements DeliveryApi {
  readonly #http: PluginFetch;

  constructor(options: DeliveryClientOptions) {
    this.#http = new PluginFetch('delivery', options);
  }

  async getEntityDelivery(
    entityRef: string,
    days: number,
  ): Promise<EntityDelivery> {
    return this.#http.json<EntityDelivery>(
      `/entities/${entityPath(entityRef)}/delivery`,
      { days: String(days) },
    );
  }

  async getOverview(query: DeliveryOverviewQuery): Promise<DeliveryOverview> {
    return this.#http.json<DeliveryOverview>('/overview', params(query));
  }

  async exportCsv(query: DeliveryOverviewQuery): Promise<string> {
    return this.#http.text('/export.csv', params(query));
  }

  async getDeployments(
    entityRef: string,
    range: { from: string; to: string },
  ): Promise<EntityDeployments> {
    return this.#http.json<EntityDeployments>(
      `/entities/${entityPath(entityRef)}/deployments`,
      { from: range.from, to: range.to },
    );
  }
}

function params(query: DeliveryOverviewQuery): Record<string, string> {
  const result: Record<string, string> = { days: String(query.days) };
  if (query.team) result.team = query.team;
  return result;
}
