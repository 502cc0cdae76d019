/**
 * The route matrix: every route of every plugin the portal ships, and what
 * each role gets from it. New plugins add rows here.
 *
 * An answer is an HTTP status, or `'served'`: the route let the caller in
 * (neither 401 nor 403) and answered as it does for bad or unknown input.
 */
export type Answer = number | 'served';

export type RoleName = 'platformAdmin' | 'manager' | 'onCall' | 'developer';

/** The demo users who hold each role (demo/org). */
export const ROLE_USERS: Record<RoleName, string> = {
  // platform and platform-admins
  platformAdmin: 'user:default/priya.raghunathan',
  // lead of engineering, the root of the tree
  manager: 'user:default/amara.okafor',
  // sre
  onCall: 'user:default/hana.kim',
  // platform
  developer: 'user:default/jane.doe',
};

export interface RouteCase {
  method: 'get' | 'post' | 'put' | 'delete';
  /** `{uid:<ref>}` is replaced by the entity's uid before the request. */
  path: string;
  body?: object;
  headers?: Record<string, string>;
  /** Why this route answers without credentials; absent means 401. */
  public?: string;
  /** What the answer says, when its status alone does not tell. */
  message?: RegExp;
  /** The answer for every role, or per role. */
  answer: Answer | Record<RoleName, Answer>;
}

export interface PluginRoutes {
  plugin: string;
  routes: RouteCase[];
}

const ADMIN_ONLY = (allowed: Answer) => ({
  platformAdmin: allowed,
  manager: 403,
  onCall: 403,
  developer: 403,
});
/** Allowed for the manager's subtree and on-call, not for the platform team. */
const OTHER_TEAMS_ON_CALL = (allowed: Answer) => ({
  platformAdmin: allowed,
  manager: allowed,
  onCall: allowed,
  developer: 403,
});

/** Allowed for the manager's subtree, not for on-call or the platform team. */
const MANAGERS = (allowed: Answer) => ({
  platformAdmin: allowed,
  manager: allowed,
  onCall: 403,
  developer: 403,
});

const listings = 'component:default/listings-service';
const gateway = 'component:default/api-gateway';
const uuid = '00000000-0000-4000-8000-000000000000';

export const ROUTE_MATRIX: PluginRoutes[] = [
  {
    plugin: 'root (health)',
    routes: [
      {
        method: 'get',
        path: '/.backstage/health/v1/readiness',
        public: 'probes from Kubernetes carry no token',
        answer: 200,
      },
      {
        method: 'get',
        path: '/.backstage/health/v1/liveness',
        public: 'probes from Kubernetes carry no token',
        answer: 200,
      },
    ],
  },
  {
    plugin: 'app',
    routes: [
      {
        method: 'get',
        path: '/',
        public: 'the app shell and sign-in page load before sign-in',
        // The built app is not there in unit tests (e2e loads it).
        answer: 'served',
      },
      {
        method: 'get',
        path: '/catalog',
        public: 'deep links serve the same app shell',
        answer: 'served',
      },
    ],
  },
  {
    plugin: 'auth',
    routes: [
      {
        method: 'get',
        path: '/api/auth/oidc/start?env=development',
        public: 'the sign-in flow starts before there is a token',
        answer: 'served',
      },
      {
        method: 'get',
        path: '/api/auth/oidc/handler/frame?env=development',
        public: 'the identity provider redirects the browser here',
        answer: 'served',
      },
      {
        method: 'post',
        path: '/api/auth/oidc/refresh?env=development',
        headers: { 'x-requested-with': 'XMLHttpRequest' },
        public: 'a returning browser resumes its session by cookie',
        // Its own answer: there is no session cookie (a token is no use here).
        answer: 401,
        message: /Missing session cookie/,
      },
      {
        method: 'post',
        path: '/api/auth/oidc/logout?env=development',
        headers: { 'x-requested-with': 'XMLHttpRequest' },
        public: 'signing out clears the session cookie',
        answer: 'served',
      },
      {
        method: 'get',
        path: '/api/auth/.well-known/openid-configuration',
        public: 'plugins verify tokens with the published keys',
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/auth/.well-known/jwks.json',
        public: 'plugins verify tokens with the published keys',
        answer: 200,
      },
      { method: 'get', path: '/api/auth/v1/userinfo', answer: 200 },
    ],
  },
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
  {
    plugin: 'search',
    routes: [
      // Served (500 until the first indexing round has run).
      {
        method: 'get',
        path: '/api/search/query?term=listings',
        answer: 'served',
      },
    ],
  },
  {
    plugin: 'kubernetes',
    routes: [
      { method: 'get', path: '/api/kubernetes/clusters', answer: 200 },
      {
        method: 'post',
        path: '/api/kubernetes/services/listings-service',
        body: { entityRef: listings },
        answer: 'served',
      },
      {
        method: 'post',
        path: '/api/kubernetes/resources/workloads/query',
        body: { auth: {}, entityRef: listings },
        answer: 'served',
      },
      {
        method: 'post',
        path: '/api/kubernetes/resources/custom/query',
        body: { auth: {}, entityRef: listings, customResources: [] },
        answer: 'served',
      },
      // Logs and exec go through the proxy: on-call (and admins) only.
      {
        method: 'get',
        path: '/api/kubernetes/proxy/api/v1/namespaces',
        answer: {
          platformAdmin: 'served',
          manager: 403,
          onCall: 'served',
          developer: 403,
        },
      },
    ],
  },
  {
    plugin: 'permission',
    routes: [
      {
        method: 'post',
        path: '/api/permission/authorize',
        body: {
          items: [
            {
              id: '1',
              permission: {
                type: 'basic',
                name: 'catalog.location.read',
                attributes: { action: 'read' },
              },
            },
          ],
        },
        answer: 200,
      },
    ],
  },
  {
    plugin: 'notifications',
    routes: [
      { method: 'get', path: '/api/notifications/', answer: 200 },
      { method: 'get', path: '/api/notifications/status', answer: 200 },
      { method: 'get', path: '/api/notifications/settings', answer: 200 },
      { method: 'get', path: '/api/notifications/topics', answer: 200 },
      { method: 'get', path: `/api/notifications/${uuid}`, answer: 'served' },
      {
        method: 'post',
        path: '/api/notifications/update',
        body: { ids: [uuid], read: true },
        answer: 200,
      },
      {
        method: 'post',
        path: '/api/notifications/settings',
        body: { channels: [] },
        answer: 'served',
      },
      // Sending is for backend plugins (service tokens), never users.
      {
        method: 'post',
        path: '/api/notifications/',
        body: { recipients: { type: 'broadcast' }, payload: { title: 'x' } },
        answer: 403,
      },
    ],
  },
  {
    plugin: 'signals',
    routes: [
      {
        method: 'get',
        path: '/api/signals/',
        public:
          'the route is a WebSocket upgrade, which checks the token itself; a plain GET finds nothing',
        answer: 404,
      },
    ],
  },
  {
    plugin: 'user-settings',
    routes: [
      {
        method: 'get',
        path: '/api/user-settings/buckets/home/keys/layout',
        answer: 'served',
      },
      {
        method: 'put',
        path: '/api/user-settings/buckets/home/keys/layout',
        body: { value: 'x' },
        answer: 200,
      },
      {
        method: 'post',
        path: '/api/user-settings/multiget',
        body: { items: [] },
        answer: 'served',
      },
      {
        method: 'delete',
        path: '/api/user-settings/buckets/home/keys/layout',
        answer: 'served',
      },
    ],
  },
  {
    plugin: 'events',
    routes: [
      // The event bus is for backend plugins (service tokens), never users.
      {
        method: 'get',
        path: '/api/events/bus/v1/subscriptions/x/events',
        answer: 403,
      },
      {
        method: 'put',
        path: '/api/events/bus/v1/subscriptions/x',
        body: { topics: ['x'] },
        answer: 403,
      },
      {
        method: 'post',
        path: '/api/events/bus/v1/events',
        body: { event: { topic: 'x', payload: {} } },
        answer: 403,
      },
    ],
  },
  {
    plugin: 'proxy',
    routes: [{ method: 'get', path: '/api/proxy/anything', answer: 'served' }],
  },
  {
    plugin: 'slo',
    routes: [
      { method: 'get', path: '/api/slo/summary', answer: 200 },
      { method: 'get', path: '/api/slo/summary.csv', answer: 200 },
      {
        method: 'get',
        path: '/api/slo/summary?owner=group%3Adefault%2Fpayments',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/slo/entities/component/default/listings-service/status',
        answer: 200,
      },
      {
        method: 'post',
        path: '/api/slo/rules',
        body: { document: 'x' },
        answer: 400,
      },
    ],
  },
  {
    plugin: 'cost',
    routes: [
      { method: 'get', path: '/api/cost/overview', answer: 200 },
      { method: 'get', path: '/api/cost/savings', answer: 200 },
      { method: 'get', path: '/api/cost/export.csv', answer: 200 },
      {
        method: 'get',
        path: '/api/cost/overview?team=payments',
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 403,
        },
      },
      {
        method: 'get',
        path: '/api/cost/export.csv?team=payments',
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 403,
        },
      },
      {
        method: 'get',
        path: `/api/cost/entity-cost?entityRef=${gateway}`,
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 200,
        },
      },
      {
        method: 'get',
        path: `/api/cost/entity-cost?entityRef=${listings}`,
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 403,
        },
      },
      {
        method: 'get',
        path: '/api/cost/imports',
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 403,
        },
      },
      {
        method: 'post',
        path: '/api/cost/imports',
        body: { not: 'a FOCUS export' },
        answer: ADMIN_ONLY(400),
      },
    ],
  },
  {
    plugin: 'oncall (and runbooks)',
    routes: [
      {
        method: 'get',
        path: '/api/oncall/alerts',
        answer: {
          platformAdmin: 200,
          manager: 403,
          onCall: 200,
          developer: 403,
        },
      },
      {
        method: 'get',
        path: `/api/oncall/alerts?entityRef=${gateway}`,
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 200,
          developer: 200,
        },
      },
      {
        method: 'get',
        path: `/api/oncall/alerts?entityRef=${listings}`,
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: `/api/oncall/pagerduty?entityRef=${listings}`,
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: `/api/oncall/grafana?entityRef=${listings}`,
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: `/api/oncall/vault?entityRef=${listings}`,
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/runbooks/default/component/listings-service',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/runbooks/default/component/listings-service/high-error-rate',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/runbooks/default/component/api-gateway',
        answer: 200,
      },
    ],
  },
  {
    plugin: 'compliance',
    routes: [
      { method: 'get', path: '/api/compliance/summary', answer: 200 },
      {
        method: 'get',
        path: '/api/compliance/summary?team=group%3Adefault%2Fpayments',
        answer: MANAGERS(200),
      },
      {
        method: 'get',
        path: '/api/compliance/export.csv',
        answer: MANAGERS(200),
      },
      {
        method: 'get',
        path: '/api/compliance/export.json',
        answer: MANAGERS(200),
      },
      {
        method: 'get',
        path: '/api/compliance/entities/component/default/api-gateway',
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 200,
        },
      },
      {
        method: 'get',
        path: '/api/compliance/entities/component/default/listings-service',
        answer: MANAGERS(200),
      },
      {
        // A well-formed waiver of a check that does not exist: whoever may
        // waive gets the 400 naming checkId, nothing is stored.
        method: 'post',
        path: '/api/compliance/entities/component/default/listings-service/waivers',
        body: {
          checkId: 'no-such-check',
          reason: 'Route matrix: refused before it is stored',
          approver: 'user:default/amara.okafor',
          expiresAt: '2099-01-01T00:00:00Z',
        },
        message: /checkId|may not waive/,
        answer: MANAGERS(400),
      },
      {
        method: 'post',
        path: '/api/compliance/entities/component/default/api-gateway/trivy',
        body: { not: 'a Trivy report' },
        answer: ADMIN_ONLY(400),
      },
    ],
  },
  {
    plugin: 'audit',
    routes: [
      { method: 'get', path: '/api/audit/events', answer: ADMIN_ONLY(200) },
      {
        method: 'get',
        path: '/api/audit/export.csv',
        answer: ADMIN_ONLY(200),
      },
      {
        method: 'get',
        path: '/api/audit/export.json',
        answer: ADMIN_ONLY(200),
      },
    ],
  },
];
