import { PluginFetch } from '@gogidix/portal-common';
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

export class AuditClient implements AuditApi {
  readonly #http: PluginFetch;

  constructor(options: AuditClientOptions) {
    this.#http = new PluginFetch('audit', options);
  }

  async listEvents(
    query: AuditEventQuery,
    page: { offset: number; limit: number },
  ): Promise<AuditEventPage> {
    return this.#http.json('/events', params(query, page));
  }

  async exportEvents(query: AuditEventQuery, format: 'csv' | 'json') {
    return this.#http.blob(`/export.${format}`, params(query));
  }
}
