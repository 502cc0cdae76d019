import {
  cacheKeyOf,
  canonicalQuery,
  cachedRouteOf,
  mayWriteCatalog,
} from './cachedRoutes';

describe('cachedRouteOf', () => {
  it.each([
    [
      'GET',
      '/entities/by-name/component/default/web',
      { name: 'by-name', entityRef: 'component:default/web' },
    ],
    [
      'GET',
      '/entities/by-name/Component/Default/Web%20Site',
      { name: 'by-name', entityRef: 'component:default/web site' },
    ],
    ['GET', '/entities/by-query', { name: 'by-query' }],
    ['GET', '/entity-facets', { name: 'facets' }],
    ['POST', '/entities/by-refs', { name: 'by-refs' }],
    ['GET', '/entities/by-name/component/default/web/ancestry', undefined],
    ['GET', '/entities/by-name/component/default', undefined],
    ['GET', '/entities/by-name/component/default/%E0%A4%A', undefined],
    ['GET', '/entities', undefined],
    ['GET', '/entities/by-uid/123', undefined],
    ['HEAD', '/entities/by-query', undefined],
    ['POST', '/entities/by-query', undefined],
    ['POST', '/entity-facets', undefined],
    ['GET', '/entities/by-refs', undefined],
    ['GET', '/locations', undefined],
  ])('%s %s', (method, path, expected) => {
    expect(cachedRouteOf(method, path)).toEqual(expected);
  });
});

describe('mayWriteCatalog', () => {
  it.each([
    ['GET', '/entities/by-query', false],
    ['HEAD', '/entities', false],
    ['OPTIONS', '/entities', false],
    ['POST', '/entities/by-refs', false],
    ['POST', '/entities/by-query', false],
    ['POST', '/entity-facets', false],
    ['POST', '/locations/by-query', false],
    ['POST', '/validate-entity', false],
    ['POST', '/analyze-location', false],
    ['POST', '/refresh', true],
    ['POST', '/locations', true],
    ['PUT', '/locations/1', true],
    ['DELETE', '/locations/1', true],
    ['DELETE', '/entities/by-uid/1', true],
    ['POST', '/entities/unprocessed/delete/1', true],
    ['PATCH', '/entities/by-refs', true],
  ])('%s %s: %s', (method, path, expected) => {
    expect(mayWriteCatalog(method, path)).toBe(expected);
  });
});

describe('canonicalQuery', () => {
  it.each([
    ['', ''],
    ['?', ''],
    ['limit=20', 'limit=20'],
    ['?limit=20&filter=kind=component', 'filter=kind=component&limit=20'],
    // Repeated parameters keep their order: it is the sort order.
    [
      'orderField=b,asc&limit=5&orderField=a,desc',
      'limit=5&orderField=b,asc&orderField=a,desc',
    ],
    [
      'filter=kind=api&fields=kind&filter=kind=component',
      'fields=kind&filter=kind=api&filter=kind=component',
    ],
    // Bracketed names stay with their base name, in their order.
    ['b=1&a[1]=x&c=2&a[0]=y', 'a[1]=x&a[0]=y&b=1&c=2'],
    ['%66ilter=x&facet=kind', 'facet=kind&%66ilter=x'],
    ['a=1&&b=2', 'a=1&b=2'],
  ])('%s -> %s', (query, expected) => {
    expect(canonicalQuery(query)).toBe(expected);
  });
});

describe('cacheKeyOf', () => {
  it('tells apart methods, paths, queries and bodies', () => {
    const keys = [
      cacheKeyOf({
        method: 'GET',
        path: '/entities/by-query',
        search: 'limit=20',
      }),
      cacheKeyOf({
        method: 'GET',
        path: '/entities/by-query',
        search: 'limit=21',
      }),
      cacheKeyOf({ method: 'GET', path: '/entity-facets', search: 'limit=20' }),
      cacheKeyOf({
        method: 'POST',
        path: '/entities/by-refs',
        search: '',
        body: { entityRefs: ['a'] },
      }),
      cacheKeyOf({
        method: 'POST',
        path: '/entities/by-refs',
        search: '',
        body: { entityRefs: ['b'] },
      }),
      cacheKeyOf({
        method: 'POST',
        path: '/entities/by-refs',
        search: 'fields=kind',
        body: { entityRefs: ['b'] },
      }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      cacheKeyOf({
        method: 'GET',
        path: '/entity-facets',
        search: 'facet=kind&filter=x',
      }),
    ).toBe(
      cacheKeyOf({
        method: 'GET',
        path: '/entity-facets',
        search: 'filter=x&facet=kind',
      }),
    );
  });
});
