import { stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The catalog read endpoints the cache may answer, as the catalog router of
 * Backstage 1.55 (`@backstage/plugin-catalog-backend` 4.0) declares them.
 * Paths are relative to the catalog's mount point (`/api/catalog`).
 */
export type CachedRoute =
  | { name: 'by-name'; entityRef: string }
  | { name: 'by-query' }
  | { name: 'by-refs' }
  | { name: 'facets' };

const BY_NAME = /^\/entities\/by-name\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;

/**
 * Which cached route a request is for, or undefined when the catalog must
 * answer it itself. `path` is the request path without its query.
 */
export function cachedRouteOf(
  method: string,
  path: string,
): CachedRoute | undefined {
  if (method === 'GET') {
    const byName = BY_NAME.exec(path);
    if (byName) {
      const [kind, namespace, name] = byName.slice(1).map(safeDecode);
      if (kind === undefined || namespace === undefined || name === undefined)
        return undefined;
      // The same reference the catalog writes into its audit event.
      return {
        name: 'by-name',
        entityRef: stringifyEntityRef({ kind, namespace, name }),
      };
    }
    if (path === '/entities/by-query') return { name: 'by-query' };
    if (path === '/entity-facets') return { name: 'facets' };
    return undefined;
  }
  if (method === 'POST' && path === '/entities/by-refs') {
    return { name: 'by-refs' };
  }
  return undefined;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * POST endpoints that only read. Every other request that is not a GET,
 * HEAD or OPTIONS may change the catalog, and empties the cache.
 */
const READ_ONLY_POSTS = new Set([
  '/entities/by-refs',
  '/entities/by-query',
  '/entity-facets',
  '/locations/by-query',
  '/analyze-location',
  '/validate-entity',
]);

/** Whether a request to the catalog may change what its reads return. */
export function mayWriteCatalog(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
    return false;
  }
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return !(method === 'POST' && READ_ONLY_POSTS.has(trimmed));
}

/**
 * The query string with its parameters in a canonical order, so that the
 * same question asked with its parameters in another order shares an entry.
 *
 * Parameters are ordered by name only (the part before any `[`), and a
 * stable sort keeps the order of repeated parameters (`orderField`,
 * `filter`, `fields`), which the catalog reads as given: two URLs share a
 * key only if the catalog parses them to the same question.
 */
export function canonicalQuery(search: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query) return '';
  const params = query
    .split('&')
    .filter(param => param.length > 0)
    .map(param => ({ param, name: paramName(param) }));
  params.sort((a, b) => Number(a.name > b.name) - Number(a.name < b.name));
  return params.map(({ param }) => param).join('&');
}

function paramName(param: string): string {
  const equals = param.indexOf('=');
  const raw = equals === -1 ? param : param.slice(0, equals);
  let name: string;
  try {
    name = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    name = raw;
  }
  const bracket = name.indexOf('[');
  return bracket === -1 ? name : name.slice(0, bracket);
}

/**
 * The cache key of a request: the method, the path, the canonical query
 * and, for by-refs, the JSON body as parsed (which is what the catalog
 * reads).
 */
export function cacheKeyOf(options: {
  method: string;
  path: string;
  search: string;
  body?: unknown;
}): string {
  const { method, path, search, body } = options;
  const key = `${method} ${path}?${canonicalQuery(search)}`;
  return body === undefined ? key : `${key} ${JSON.stringify(body)}`;
}
