import { ResponseError } from '@backstage/errors';

/** What a plugin client needs from Backstage's discovery and fetch APIs. */
export interface PluginFetchOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/**
 * A query string: ready-made, or a record whose `undefined` values are left
 * out and whose arrays repeat the key once per value, in order.
 */
export type PluginQuery =
  | URLSearchParams
  | Record<string, string | readonly string[] | undefined>;

function toParams(query: PluginQuery = {}): URLSearchParams {
  if (query instanceof URLSearchParams) return query;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of typeof value === 'string' ? [value] : value ?? []) {
      params.append(key, one);
    }
  }
  return params;
}

/**
 * Calls one backend plugin through Backstage's discovery and fetch APIs:
 * `<base url of pluginId><path>?<query>`, and throws the backend's error as a
 * `ResponseError` when the answer is not 2xx.
 *
 * @example
 * const http = new PluginFetch('slo', { discoveryApi, fetchApi });
 * const summary = await http.json<OrgSloSummary>('/summary', { owner: owners });
 */
export class PluginFetch {
  readonly #pluginId: string;
  readonly #discoveryApi: PluginFetchOptions['discoveryApi'];
  readonly #fetchApi: PluginFetchOptions['fetchApi'];

  constructor(pluginId: string, options: PluginFetchOptions) {
    this.#pluginId = pluginId;
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  /**
   * The ok response. `init` reaches `fetchApi.fetch` only when it is passed
   * (even as `undefined`), so the fetch sees the arguments the caller wrote.
   */
  async fetch(
    path: string,
    query?: PluginQuery,
    ...init: [init?: RequestInit]
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(this.#pluginId);
    const search = toParams(query).toString();
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      ...init,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  /** The ok response's body parsed as JSON. */
  async json<T>(path: string, query?: PluginQuery): Promise<T> {
    return (await (await this.fetch(path, query)).json()) as T;
  }

  /** The ok response's body as text (a CSV, say). */
  async text(path: string, query?: PluginQuery): Promise<string> {
    return (await this.fetch(path, query)).text();
  }

  /** The ok response's body as a file to save. */
  async blob(path: string, query?: PluginQuery): Promise<Blob> {
    return (await this.fetch(path, query)).blob();
  }
}
