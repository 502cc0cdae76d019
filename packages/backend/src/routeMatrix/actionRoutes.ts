import {
  ADMIN_ONLY,
  MANAGERS,
  OTHER_TEAMS_ON_CALL,
  PluginRoutes,
  RouteCase,
} from './matrix';

/** The endpoint through which the MCP plugin calls one action as the caller. */
const invoke = (
  id: string,
  input: object,
  answer: RouteCase['answer'],
): RouteCase => ({
  method: 'post',
  path: `/api/${id.split(':')[0]}/.backstage/actions/v1/actions/${id}/invoke`,
  body: input,
  answer,
});

/**
 * The MCP endpoint AI assistants call, and one row per action at the
 * endpoint the MCP plugin invokes it through, which answers with the
 * action's own status (403 for a refusal). The MCP answers themselves
 * (200 with the refusal inside) are in src/mcp/actionMatrix.ts, called
 * through a real MCP client.
 */
export const ACTION_ROUTES: PluginRoutes[] = [
  {
    plugin: 'mcp-actions (AI assistants)',
    routes: [
      {
        method: 'post',
        path: '/api/mcp-actions/v1',
        headers: { accept: 'application/json, text/event-stream' },
        body: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
        answer: 200,
      },
      // Stateless Streamable HTTP: no server-sent stream to open.
      { method: 'get', path: '/api/mcp-actions/v1', answer: 405 },
    ],
  },
  {
    plugin: 'actions (as the MCP plugin invokes them)',
    routes: [
      {
        method: 'get',
        path: '/api/oncall/.backstage/actions/v1/actions',
        answer: 200,
      },
      invoke('catalog:find-service', { service: 'listings-service' }, 200),
      invoke('slo:get-slo-status', { service: 'listings-service' }, 200),
      invoke('cost:get-cost', { service: 'listings-service' }, MANAGERS(200)),
      invoke(
        'compliance:get-compliance',
        { service: 'listings-service' },
        MANAGERS(200),
      ),
      invoke(
        'oncall:get-firing-alerts',
        { service: 'listings-service' },
        OTHER_TEAMS_ON_CALL(200),
      ),
      invoke(
        'oncall:get-runbook',
        { service: 'listings-service', runbook: 'high-error-rate' },
        OTHER_TEAMS_ON_CALL(200),
      ),
      invoke(
        'oncall:who-is-on-call',
        { service: 'valuation-model' },
        OTHER_TEAMS_ON_CALL(200),
      ),
      invoke('audit:list-audit-events', { limit: 1 }, ADMIN_ONLY(200)),
      // Write actions: a run without its dry run is bad input for everyone.
      invoke(
        'scaffolder:create-service',
        {
          templateRef: 'template:default/typescript-service',
          values: { name: 'matrix-probe', owner: 'group:default/listings' },
          dryRun: false,
        },
        400,
      ),
      invoke(
        'compliance:request-waiver',
        {
          entityRef: 'component:default/listings-service',
          checkId: 'tier-declared',
          reason: 'The tier is being agreed with the product owner',
          approver: 'user:default/amara.okafor',
          expiresAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
          dryRun: true,
        },
        MANAGERS(200),
      ),
    ],
  },
];
