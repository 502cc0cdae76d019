import { CATALOG_AND_SCAFFOLDER_ROUTES } from './catalogRoutes';
import { PluginRoutes, ADMIN_ONLY, listings, uuid } from './matrix';

/** The routes of the Backstage plugins the portal installs. */
export const BACKSTAGE_ROUTES: PluginRoutes[] = [
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
    // Backstage's scheduler mounts these on every plugin's router; the
    // portal lets only platform admins through (schedulerAdminsOnly).
    plugin: 'scheduler (on every plugin)',
    routes: [
      {
        method: 'get',
        path: '/api/catalog/.backstage/scheduler/v1/tasks',
        answer: ADMIN_ONLY(200),
      },
      {
        method: 'get',
        path: '/api/compliance/.backstage/scheduler/v1/tasks',
        answer: ADMIN_ONLY(200),
      },
      {
        // 200, or 409 while a retention run is under way.
        method: 'post',
        path: '/api/audit/.backstage/scheduler/v1/tasks/audit-retention/trigger',
        answer: ADMIN_ONLY('served'),
      },
      {
        // 409: no retention run is under way.
        method: 'post',
        path: '/api/audit/.backstage/scheduler/v1/tasks/audit-retention/cancel',
        answer: ADMIN_ONLY('served'),
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
  // The catalog's and the scaffolder's rows, here in the matrix's order.
  ...CATALOG_AND_SCAFFOLDER_ROUTES,
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
];
