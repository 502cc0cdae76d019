import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import { AuditEventPage, AuditEventQuery } from './types';

/** What the client needs from Backstage's discovery and fetch APIs. */
export interface AuditClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Typed access to the audit backend. */
export interface AuditApi {
  listEvents(
    query: AuditEventQuery,
    page: { offset: number; limit: number },
  ): Promise<AuditEventPage>;
  /**
   * Every event matching the filters, as a file. Fetched (not linked)
   * because the request must carry the user's token.
   */
  exportEvents(query: AuditEventQuery, format: 'csv' | 'json'): Promise<Blob>;
}

function params(query: AuditEventQuery, extra: Record<string, number> = {}) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...extra })) {
    if (value !== undefined && value !== '') out.set(key, String(value));
  }
  return out;
}

export const auditApiRef = createApiRef<AuditApi>().with({
  id: 'plugin.audit.api',
  pluginId: 'audit',
});

export class AuditClient implements AuditApi {
  readonly #discoveryApi: AuditClientOptions['discoveryApi'];
  readonly #fetchApi: AuditClientOptions['fetchApi'];

  constructor(options: AuditClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async listEvents(
    query: AuditEventQuery,
    page: { offset: number; limit: number },
  ): Promise<AuditEventPage> {
    return (await this.#fetch('/events', params(query, page))).json();
  }

  async exportEvents(query: AuditEventQuery, format: 'csv' | 'json') {
    return (await this.#fetch(`/export.${format}`, params(query))).blob();
  }

  async #fetch(path: string, search: URLSearchParams): Promise<Response> {
    const base = await this.#discoveryApi.getBaseUrl('audit');
    const response = await this.#fetchApi.fetch(`${base}${path}?${search}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
