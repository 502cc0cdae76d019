import {
  PluginRoutes,
  ADMIN_ONLY,
  OTHER_TEAMS_ON_CALL,
  MANAGERS,
} from './matrix';

/** The routes of the portal's own plugins. */
export const PORTAL_ROUTES: PluginRoutes[] = [
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
      {
        method: 'post',
        path: '/api/slo/deploy-gate',
        body: {
          entityRef: 'component:default/listings-service',
          change: { kind: 'feature' },
        },
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/slo/deploy-gate/overrides?entityRef=component%3Adefault%2Flistings-service',
        answer: 200,
      },
      // Allowed roles get past the permission check to the reason check,
      // so the row leaves no override behind.
      {
        method: 'post',
        path: '/api/slo/deploy-gate/overrides',
        body: {
          entityRef: 'component:default/listings-service',
          reason: 'x',
          expiresInMinutes: 60,
        },
        answer: {
          platformAdmin: 400,
          manager: 400,
          onCall: 403,
          developer: 403,
        },
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
        path: '/api/cost/entities/component/default/api-gateway/cost',
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 403,
          developer: 200,
        },
      },
      {
        method: 'get',
        path: '/api/cost/entities/component/default/listings-service/cost',
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
        // The whole estate's bill: for readers of the import history.
        method: 'get',
        path: '/api/cost/invoice?basis=charge-period',
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
        path: '/api/oncall/entities/component/default/api-gateway/alerts',
        answer: {
          platformAdmin: 200,
          manager: 200,
          onCall: 200,
          developer: 200,
        },
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/listings-service/alerts',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      // Who is on call: also for the teams whose components depend on the
      // service (platform's api-gateway depends on listings-service).
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/listings-service/pagerduty',
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/valuation-model/pagerduty',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/listings-service/grafana',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/listings-service/vault',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/listings-service/runbooks',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/listings-service/runbooks/high-error-rate',
        answer: OTHER_TEAMS_ON_CALL(200),
      },
      {
        method: 'get',
        path: '/api/oncall/entities/component/default/api-gateway/runbooks',
        answer: 200,
      },
    ],
  },
  {
    plugin: 'delivery',
    routes: [
      // A service's Delivery tab is as public as its SLO tab.
      {
        method: 'get',
        path: '/api/delivery/entities/component/default/listings-service/delivery?days=30',
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/delivery/entities/component/default/listings-service/deployments?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
        answer: 200,
      },
      {
        method: 'get',
        path: '/api/delivery/entities/component/default/listings-service/deployments?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z',
        answer: 400,
      },
      // Team and org pages: managers for their subtree, admins all.
      { method: 'get', path: '/api/delivery/teams', answer: MANAGERS(200) },
      { method: 'get', path: '/api/delivery/overview', answer: MANAGERS(200) },
      {
        method: 'get',
        path: '/api/delivery/overview?team=payments&days=7',
        answer: MANAGERS(200),
      },
      {
        method: 'get',
        path: '/api/delivery/export.csv',
        answer: MANAGERS(200),
      },
      // A deploy report: the owning team (platform) and its managers.
      {
        method: 'post',
        path: '/api/delivery/deployments',
        body: {
          entityRef: 'component:default/api-gateway',
          runId: 'route-matrix',
          environment: 'staging',
          status: 'success',
          sha: '0123456789abcdef0123456789abcdef01234567',
          startedAt: '2026-12-01T10:00:00Z',
          finishedAt: '2026-12-01T10:05:00Z',
        },
        answer: {
          platformAdmin: 201,
          manager: 201,
          onCall: 403,
          developer: 201,
        },
      },
      {
        method: 'post',
        path: '/api/delivery/deployments',
        body: {
          entityRef: 'component:default/listings-service',
          runId: 'route-matrix',
          environment: 'staging',
          status: 'success',
          sha: '0123456789abcdef0123456789abcdef01234567',
          startedAt: '2026-12-01T10:00:00Z',
          finishedAt: '2026-12-01T10:05:00Z',
        },
        answer: MANAGERS(201),
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
