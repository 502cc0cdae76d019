import { PluginRoutes, ADMIN_ONLY, listings, gateway, uuid } from './matrix';

/**
 * The routes of Backstage's catalog and scaffolder (with the portal's
 * scaffolder actions module): the largest part of the Backstage rows,
 * spliced into BACKSTAGE_ROUTES where they always stood.
 */
export const CATALOG_AND_SCAFFOLDER_ROUTES: PluginRoutes[] = [
  {
    plugin: 'catalog',
    routes: [
      { method: 'get', path: '/api/catalog/entities?limit=1', answer: 200 },
      {
        method: 'get',
        path: '/api/catalog/entities/by-query?limit=1',
        answer: 200,
      },
      {
        method: 'post',
        path: '/api/catalog/entities/by-query',
        body: { limit: 1 },
        answer: 200,
      },
      {
        method: 'post',
        path: '/api/catalog/entities/by-refs',
        body: { entityRefs: [listings] },
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/catalog/entities/by-name/component/default/listings-service',
        answer: 200,
      },
      {
        method: 'get',
        path: `/api/catalog/entities/by-uid/{uid:${listings}}`,
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/catalog/entity-facets?facet=kind',
        answer: 200,
      },
      {
        method: 'post',
        path: '/api/catalog/entity-facets',
        body: { facets: ['kind'] },
        answer: 200,
      },
      { method: 'get', path: '/api/catalog/locations', answer: 200 },
      { method: 'get', path: `/api/catalog/locations/${uuid}`, answer: 404 },
      {
        method: 'get',
        path: '/api/catalog/locations/by-entity/component/default/listings-service',
        // Demo entities come from config locations, which have no row here.
        answer: 404,
      },
      {
        method: 'post',
        path: '/api/catalog/locations/by-query',
        body: { limit: 1 },
        answer: 200,
      },
      // Registration is for platform admins; templates register the
      // services they create on the portal's behalf.
      {
        method: 'post',
        path: '/api/catalog/locations?dryRun=true',
        body: { type: 'url', target: 'not a url' },
        answer: ADMIN_ONLY('served'),
      },
      {
        method: 'put',
        path: `/api/catalog/locations/${uuid}`,
        body: { type: 'url', target: 'https://example.com/catalog-info.yaml' },
        answer: ADMIN_ONLY(404),
      },
      {
        method: 'delete',
        path: `/api/catalog/locations/${uuid}`,
        answer: ADMIN_ONLY(404),
      },
      {
        method: 'post',
        path: '/api/catalog/analyze-location',
        body: { location: { type: 'url', target: 'not a url' } },
        answer: ADMIN_ONLY('served'),
      },
      {
        method: 'post',
        path: '/api/catalog/validate-entity',
        body: { entity: {}, location: 'url:https://example.com/x.yaml' },
        answer: 'served',
      },
      // Refresh: the developer's team owns the gateway, not listings.
      {
        method: 'post',
        path: '/api/catalog/refresh',
        body: { entityRef: gateway },
        answer: {
          platformAdmin: 200,
          manager: 403,
          onCall: 403,
          developer: 200,
        },
      },
      {
        method: 'post',
        path: '/api/catalog/refresh',
        body: { entityRef: listings },
        answer: ADMIN_ONLY(200),
      },
      {
        method: 'get',
        path: '/api/catalog/entities/unprocessed/failed',
        answer: ADMIN_ONLY(200),
      },
      {
        method: 'get',
        path: '/api/catalog/entities/unprocessed/pending',
        answer: ADMIN_ONLY(200),
      },
      {
        method: 'delete',
        path: `/api/catalog/entities/unprocessed/delete/${uuid}`,
        answer: ADMIN_ONLY('served'),
      },
      // Unregistering: the web team's frontend, which only an admin may
      // delete (the admin is asked last, so the others see it).
      {
        method: 'delete',
        path: '/api/catalog/entities/by-uid/{uid:component:default/web-frontend}',
        answer: ADMIN_ONLY(204),
      },
    ],
  },
  {
    plugin: 'scaffolder (and the gogidix actions module)',
    routes: [
      { method: 'get', path: '/api/scaffolder/v2/actions', answer: 200 },
      {
        method: 'get',
        path: '/api/scaffolder/v2/templates/default/template/typescript-service/parameter-schema',
        answer: 200,
      },
      { method: 'get', path: '/api/scaffolder/v2/tasks', answer: 200 },
      {
        method: 'post',
        path: '/api/scaffolder/v2/tasks',
        body: { templateRef: 'template:default/no-such-template', values: {} },
        answer: 'served',
      },
      {
        method: 'get',
        path: `/api/scaffolder/v2/tasks/${uuid}`,
        answer: 'served',
      },
      {
        method: 'get',
        path: `/api/scaffolder/v2/tasks/${uuid}/events`,
        answer: 'served',
      },
      {
        method: 'post',
        path: `/api/scaffolder/v2/tasks/${uuid}/cancel`,
        answer: 'served',
      },
      {
        method: 'post',
        path: `/api/scaffolder/v2/tasks/${uuid}/retry`,
        answer: 'served',
      },
      {
        method: 'post',
        path: '/api/scaffolder/v2/dry-run',
        body: {
          template: {
            apiVersion: 'scaffolder.backstage.io/v1beta3',
            kind: 'Template',
            metadata: { name: 'matrix' },
            spec: { type: 'service', steps: [] },
          },
          values: {},
          directoryContents: [],
        },
        answer: ADMIN_ONLY(200),
      },
      {
        method: 'get',
        path: '/api/scaffolder/v2/templating-extensions',
        answer: 'served',
      },
      {
        method: 'post',
        path: '/api/scaffolder/v2/autocomplete/github/repositories',
        body: { token: 'x', context: {} },
        answer: 'served',
      },
    ],
  },
];
