import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AuditEventPage } from '@gogidix/plugin-audit-common';
import { auditingPlugin, eventually } from '@gogidix/test-kit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { auditPlugin } from '../plugin';
import { AuditStore } from '../database/AuditStore';
import { auditorServiceFactory } from './auditorServiceFactory';
import { createRouter } from './router';

const jane = mockCredentials.user.header('user:default/jane.doe');

/** A plugin whose route records an audited deploy, refused for `forbidden`. */
const deployPlugin = auditingPlugin({
  pluginId: 'deploy',
  path: '/:service',
  eventId: 'deploy',
  meta: req => ({ entityRef: `component:default/${req.params.service}` }),
  refuse: req =>
    req.params.service === 'forbidden'
      ? new NotAllowedError('=cmd|calc frozen')
      : undefined,
});

async function start(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const { server } = await startTestBackend({
    features: [
      auditPlugin,
      auditorServiceFactory,
      deployPlugin,
      mockServices.permissions.factory({ result: permission }),
    ],
  });
  return server;
}

async function eventsOf(
  server: Parameters<typeof request>[0],
  query = '',
  count = 0,
): Promise<AuditEventPage> {
  // The store is written after the response: wait for it.
  return eventually(
    async () => {
      const res = await request(server)
        .get(`/api/audit/events${query}`)
        .set('Authorization', jane);
      expect(res.status).toBe(200);
      const page: AuditEventPage = res.body;
      return page.totalCount >= count && page;
    },
    { what: `${count} stored events for ${query}`, intervalMs: 100 },
  );
}

const HTTP_METHODS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('audit router', () => {
  const routes = ['/events', '/export.csv', '/export.json'];

  it('serves exactly the operations documented in openapi.yaml', async () => {
    const spec = parseYaml(
      readFileSync(join(__dirname, '../schema/openapi.yaml'), 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter(key => HTTP_METHODS.has(key))
        .map(method => `${method.toUpperCase()} ${path}`),
    );
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      store: {} as AuditStore,
    });
    // What the router itself registers, read from its route table.
    // (less the spec it serves about itself).
    const served = (router.stack as RouteLayer[]).flatMap(layer =>
      layer.route && layer.route.path !== '/openapi.json'
        ? Object.keys(layer.route.methods).map(
            method => `${method.toUpperCase()} ${layer.route!.path}`,
          )
        : [],
    );
    expect(served.sort()).toEqual(documented.sort());
    expect(documented.map(operation => operation.slice(4)).sort()).toEqual(
      [...routes].sort(),
    );
  });

  it.each(routes)('%s refuses unauthenticated requests', async route => {
    const server = await start();
    const res = await request(server)
      .get(`/api/audit${route}`)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it.each(routes)('%s needs audit.event.read', async route => {
    const server = await start(AuthorizeResult.DENY);
    const res = await request(server)
      .get(`/api/audit${route}`)
      .set('Authorization', jane);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Not allowed to read the audit trail');
  });

  it('lists the actions of other plugins with filters, and exports them', async () => {
    const server = await start();
    expect(
      (
        await request(server)
          .post('/api/deploy/listings-service')
          .set('Authorization', jane)
      ).status,
    ).toBe(201);
    expect(
      (
        await request(server)
          .post('/api/deploy/forbidden')
          .set('Authorization', jane)
      ).status,
    ).toBe(403);

    const all = await eventsOf(server, '?plugin=deploy&outcome=failed', 1);
    expect(all.items).toEqual([
      expect.objectContaining({
        plugin: 'deploy',
        eventId: 'deploy',
        actor: 'user:default/jane.doe',
        target: 'component:default/forbidden',
        outcome: 'failed',
        error: '=cmd|calc frozen',
      }),
    ]);
    const succeeded = await eventsOf(server, '?outcome=succeeded', 1);
    expect(succeeded.items.map(e => e.target)).toEqual([
      'component:default/listings-service',
    ]);
    const paged = await eventsOf(server, '?plugin=deploy&limit=1&offset=1');
    expect(paged).toMatchObject({ totalCount: 2, offset: 1, limit: 1 });

    const json = await request(server)
      .get('/api/audit/export.json?plugin=deploy')
      .set('Authorization', jane);
    expect(json.headers['content-disposition']).toContain('audit.json');
    expect(json.body.items).toHaveLength(2);

    const csv = await request(server)
      .get('/api/audit/export.csv?plugin=deploy')
      .set('Authorization', jane);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'time,completedAt,actor,plugin,eventId,target,outcome,severity,error,method,url,meta',
    );
    expect(lines).toHaveLength(3);
    // A spreadsheet must not run the error text as a formula.
    expect(csv.text).toContain(",'=cmd|calc frozen,");
  });

  // The generated router's messages: each names the parameter and the rule.
  it.each([
    [
      '?outcome=done',
      'request/query/outcome must be equal to one of the allowed values: initiated, succeeded, failed',
    ],
    [
      '?severity=urgent',
      'request/query/severity must be equal to one of the allowed values: low, medium, high, critical',
    ],
    ['?from=yesterday', 'request/query/from must match format "date-time"'],
    ['?limit=0', 'request/query/limit must be >= 1'],
    ['?limit=5000', 'request/query/limit must be <= 500'],
    ['?limit=ten', 'request/query/limit must be integer'],
    ['?offset=-1', 'request/query/offset must be >= 0'],
    ['?plugin=a&plugin=b', 'request/query/plugin must be string'],
    [
      `?actor=${'x'.repeat(600)}`,
      'request/query/actor must NOT have more than 512 characters',
    ],
    ['?page=2', "Unknown query parameter 'page'"],
  ])('rejects %s naming the field', async (query, message) => {
    const server = await start();
    const res = await request(server)
      .get(`/api/audit/events${query}`)
      .set('Authorization', jane);
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 400,
    });
    expect(res.body.error.message).toBe(message);
  });
});
