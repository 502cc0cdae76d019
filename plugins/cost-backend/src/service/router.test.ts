import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CostOverview, EntityCost } from '@gogidix/plugin-cost-common';
import request from 'supertest';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { demoCatalogEntities } from '../__testUtils__/catalog';
import { focusCsv, focusRow } from '@gogidix/test-kit';
import { gzipBomb } from '../__testUtils__/gzipBomb';
import { CostStore } from '../database/CostStore';
import { costPlugin } from '../plugin';
import { CostService } from './CostService';
import { createRouter } from './router';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

async function startBackend(
  options: {
    demo?: boolean;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    auditor?: ReturnType<typeof mockServices.auditor.mock>;
    /** Only these resources (group or entity refs) are allowed. */
    allowedRefs?: string[];
    /** gogidix.http.maxImportBytes */
    maxImportBytes?: number;
    entities?: Entity[];
  } = {},
) {
  const { allowedRefs } = options;
  const permissions = allowedRefs
    ? mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              'resourceRef' in r && allowedRefs.includes(r.resourceRef!)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      }).factory
    : mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      });
  const { server } = await startTestBackend({
    features: [
      costPlugin,
      ...(options.auditor ? [options.auditor.factory] : []),
      catalogServiceMock.factory({
        entities: options.entities ?? demoCatalogEntities(),
      }),
      mockServices.rootConfig.factory({
        data: {
          cost: { demo: options.demo ?? false, budgets: { ai: 9000 } },
          gogidix: { http: { maxImportBytes: options.maxImportBytes } },
        },
      }),
      permissions,
    ],
  });
  return server;
}

const october = focusCsv([
  focusRow({ ChargePeriodStart: '2026-10-14T00:00:00Z', EffectiveCost: '30' }),
  focusRow({
    ChargePeriodStart: '2026-10-15T00:00:00Z',
    EffectiveCost: '40',
    ServiceCategory: 'Databases',
  }),
  focusRow({
    ChargePeriodStart: '2026-10-15T00:00:00Z',
    EffectiveCost: '5',
    Tags: '',
    ResourceId: 'vol-9',
  }),
]);

describe('cost router', () => {
  const routes: Array<[string, string]> = [
    ['get', '/api/cost/overview'],
    ['get', '/api/cost/savings'],
    ['get', '/api/cost/imports'],
    ['get', '/api/cost/entities/component/default/listings-service/cost'],
    ['get', '/api/cost/export.csv'],
    ['get', '/api/cost/invoice'],
    ['post', '/api/cost/imports'],
  ];

  it.each(routes)(
    '%s %s refuses unauthenticated requests',
    async (method, path) => {
      const server = await startBackend();
      const res = await (method === 'get'
        ? request(server).get(path)
        : request(server).post(path)
      ).set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    },
  );

  it.each(routes)(
    '%s %s refuses users without the permission',
    async (method, path) => {
      const server = await startBackend({ permission: AuthorizeResult.DENY });
      const res = await (method === 'get'
        ? request(server).get(path)
        : request(server).post(path)
      )
        .set('content-type', 'text/csv')
        .send(october);
      expect(res.status).toBe(403);
    },
  );

  it('serves every path and method documented in openapi.yaml', async () => {
    const spec = parseYaml(
      readFileSync(join(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    const documented = Object.entries(
      spec.paths as Record<string, object>,
    ).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        m => `${m} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    const router = await createRouter({
      auditor: mockServices.auditor.mock(),
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      logger: mockServices.logger.mock(),
      store: {} as CostStore,
      service: {} as CostService,
      maxImportBytes: 1024,
    });
    // What the router itself registers, read from its route table (less
    // the spec it serves about itself).
    const served = (router.stack as RouteLayer[]).flatMap(layer =>
      layer.route && layer.route.path !== '/openapi.json'
        ? Object.keys(layer.route.methods).map(m => `${m} ${layer.route!.path}`)
        : [],
    );
    expect(served.sort()).toEqual(documented.sort());
    // And every one of them is exercised by the tests above.
    expect(documented.sort()).toEqual(
      routes
        .map(([m, p]) =>
          `${m} ${p.split('?')[0].replace(/^\/api\/cost/, '')}`.replace(
            '/entities/component/default/listings-service/',
            '/entities/:kind/:namespace/:name/',
          ),
        )
        .sort(),
    );
  });

  it('records each import in the audit trail, a rejected one as failed', async () => {
    const success = jest.fn();
    const fail = jest.fn();
    const auditor = mockServices.auditor.mock({
      createEvent: async () => ({ success, fail }),
    });
    const server = await startBackend({ auditor });
    await request(server)
      .post('/api/cost/imports?source=october.csv')
      .set('content-type', 'text/csv')
      .send(october)
      .expect(201);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'cost-import',
        severityLevel: 'medium',
        meta: { target: 'october.csv' },
      }),
    );
    expect(success).toHaveBeenCalledWith({
      meta: { rows: 3, periods: ['acct-1 2026-10-01'] },
    });

    await request(server)
      .post('/api/cost/imports?source=notes.txt')
      .set('content-type', 'text/plain')
      .send('hello')
      .expect(400);
    expect(fail).toHaveBeenCalledWith({
      error: expect.objectContaining({
        message: 'Send a FOCUS export as text/csv or application/gzip',
      }),
    });
  });

  it('imports an upload, then serves entity cost, overview, export', async () => {
    const server = await startBackend();
    const imported = await request(server)
      .post('/api/cost/imports?source=october.csv')
      .set('content-type', 'text/csv')
      .send(october);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({
      rows: 3,
      focusVersion: '1.0',
      periods: [
        {
          billingAccountId: 'acct-1',
          billingPeriodStart: '2026-10-01',
          rows: 3,
          cost: 75,
        },
      ],
    });

    const entity = await request(server).get(
      '/api/cost/entities/component/default/listings-service/cost?days=2',
    );
    expect(entity.status).toBe(200);
    const body = entity.body as EntityCost;
    expect(body.daily).toEqual([
      { date: '2026-10-14', total: 30, parts: { Compute: 30 } },
      { date: '2026-10-15', total: 40, parts: { Databases: 40 } },
    ]);
    // The bill starts on the 14th: the two days before have no data.
    expect(body.change).toEqual({
      current: 70,
      previous: 0,
      change: null,
      changeRatio: null,
    });
    expect(body.comparison).toEqual({
      current: {
        from: '2026-10-14',
        to: '2026-10-15',
        days: 2,
        daysWithData: 2,
      },
      previous: {
        from: '2026-10-12',
        to: '2026-10-13',
        days: 2,
        daysWithData: 0,
      },
      comparable: false,
    });
    expect(body.forecast.monthToDate).toBe(70);

    const overview = (await request(server).get('/api/cost/overview?days=2'))
      .body as CostOverview;
    expect(overview.unallocated).toBe(5);
    expect(overview.unallocatedReasons).toEqual([
      {
        reason:
          'no service, team, namespace or workload tag (keys in cost.attribution)',
        cost: 5,
      },
    ]);

    // Billed 10 on each of the three rows (the fixture's default), 75
    // effective; list 12 and contracted 10 a row.
    const invoice = await request(server).get(
      '/api/cost/invoice?basis=charge-period&months=1',
    );
    expect(invoice.status).toBe(200);
    expect(invoice.body).toEqual({
      basis: 'charge-period',
      periods: [
        {
          month: '2026-10',
          currency: 'EUR',
          billedCost: 30,
          effectiveCost: 75,
          listCost: 36,
          contractedCost: 30,
          negotiatedSavings: 6,
          commitmentSavings: -45,
          categories: [
            {
              chargeCategory: 'Usage',
              correction: false,
              rows: 3,
              billedCost: 30,
              effectiveCost: 75,
            },
          ],
          accounts: [
            { billingAccountId: 'acct-1', billedCost: 30, effectiveCost: 75 },
          ],
        },
      ],
    });
    expect(
      (await request(server).get('/api/cost/invoice?basis=monthly')).status,
    ).toBe(400);
    expect(overview.teams.map(t => [t.team, t.current])).toEqual([
      ['group:default/listings', 70],
      ['unallocated', 5],
    ]);

    const csv = await request(server).get(
      '/api/cost/export.csv?days=2&team=listings',
    );
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\n')).toEqual([
      'date,team,system,service,entityRef,serviceCategory,cost',
      '2026-10-14,group:default/listings,property-marketplace,listings-service,component:default/listings-service,Compute,30',
      '2026-10-15,group:default/listings,property-marketplace,listings-service,component:default/listings-service,Databases,40',
    ]);
  });

  it('exports names a spreadsheet would run as formulas as text, under a safe file name', async () => {
    // A developer writes these: the system in their catalog-info.yaml and
    // the team in the query string.
    const team = '=HYPERLINK("http://x","团队")';
    const server = await startBackend({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'listings-service', namespace: 'default' },
          spec: { type: 'service', owner: 'listings', system: '-1' },
        },
      ],
    });
    const upload = await request(server)
      .post('/api/cost/imports')
      .set('content-type', 'text/csv')
      .send(october);
    expect(upload.status).toBe(201);

    const named = await request(server).get(
      `/api/cost/export.csv?days=2&team=${encodeURIComponent(team)}`,
    );
    expect(named.status).toBe(200);
    expect(named.headers['content-disposition']).toBe(
      `attachment; filename="cost-_HYPERLINK_http_x_-2d.csv"; filename*=UTF-8''cost-%3DHYPERLINK%28_http_x_%2C_%E5%9B%A2%E9%98%9F_%29-2d.csv`,
    );
    const csv = await request(server).get(
      '/api/cost/export.csv?days=2&team=listings',
    );
    expect(csv.text.trim().split('\n').slice(1)).toEqual([
      `2026-10-14,group:default/listings,'-1,listings-service,component:default/listings-service,Compute,30`,
      `2026-10-15,group:default/listings,'-1,listings-service,component:default/listings-service,Databases,40`,
    ]);
  });

  it('shows a user only the teams and services they may see', async () => {
    const server = await startBackend({
      demo: true,
      allowedRefs: ['group:default/ai', 'component:default/valuation-model'],
    });
    const overview = await request(server).get('/api/cost/overview');
    expect(overview.status).toBe(200);
    expect((overview.body as CostOverview).teams.map(t => t.team)).toEqual([
      'group:default/ai',
    ]);

    const savings = await request(server).get('/api/cost/savings');
    expect(
      new Set(
        savings.body.recommendations.map((r: { owner: string }) => r.owner),
      ),
    ).toEqual(new Set(['group:default/ai']));

    const csv = await request(server).get('/api/cost/export.csv?days=2');
    const teams = csv.text
      .trim()
      .split('\n')
      .slice(1)
      .map(line => line.split(',')[1]);
    expect(new Set(teams)).toEqual(new Set(['group:default/ai']));

    for (const path of [
      '/api/cost/overview?team=listings',
      '/api/cost/savings?team=listings',
      '/api/cost/export.csv?team=listings',
      '/api/cost/entities/component/default/listings-service/cost',
      '/api/cost/imports',
    ]) {
      const res = await request(server).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    expect(
      (
        await request(server).get(
          '/api/cost/entities/component/default/valuation-model/cost',
        )
      ).status,
    ).toBe(200);
  });

  it('rejects a malformed upload with every problem and keeps what was there', async () => {
    const server = await startBackend();
    await request(server)
      .post('/api/cost/imports')
      .set('content-type', 'text/csv')
      .send(october);
    const res = await request(server)
      .post('/api/cost/imports')
      .set('content-type', 'text/csv')
      .send(
        focusCsv([
          focusRow({ EffectiveCost: '1e' }),
          focusRow({ ChargePeriodStart: 'soon' }),
        ]),
      );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'line 2: EffectiveCost "1e" is not a decimal number',
    );
    expect(res.body.error.message).toContain(
      'line 3: ChargePeriodStart "soon" is not an ISO 8601 UTC date-time',
    );
    const imports = await request(server).get('/api/cost/imports');
    expect(imports.body.items.map((i: { cost: number }) => i.cost)).toEqual([
      75,
    ]);
  });

  it('refuses an upload streamed without a length beyond the import limit', async () => {
    const server = await startBackend({ maxImportBytes: 1024 * 1024 });
    const { port } = server.address() as AddressInfo;
    const line = `${focusRow()}\n`;
    // Written in pieces without a length, so Node sends it chunked.
    const res = await new Promise<{ status: number; body: any }>(
      (resolve, reject) => {
        const req = http.request(
          {
            port,
            path: '/api/cost/imports',
            method: 'POST',
            headers: { 'content-type': 'text/csv' },
          },
          response => {
            let text = '';
            response.on('data', chunk => (text += chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode!, body: JSON.parse(text) }),
            );
          },
        );
        req.on('error', reject);
        req.write(`${focusCsv([])}\n`);
        for (let i = 0; i < 10_000; i++) req.write(line);
        req.end();
      },
    );
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      name: 'PayloadTooLargeError',
      message:
        'Import rejected, nothing was changed: the upload is larger than 1.0 MB (gogidix.http.maxImportBytes)',
    });
    expect((await request(server).get('/api/cost/imports')).body.items).toEqual(
      [],
    );
  });

  it('refuses a gzip upload that expands beyond the import limit', async () => {
    // The last KiB is held back until the server answers, or until 1 s
    // after it recorded the refusal: a slow client, as the server sees it.
    let sendTail = () => {};
    const auditor = mockServices.auditor.mock({
      createEvent: async () => ({
        success: jest.fn(),
        fail: jest.fn(async () => {
          setTimeout(() => sendTail(), 1000);
        }),
      }),
    });
    const server = await startBackend({
      maxImportBytes: 4 * 1024 * 1024,
      auditor,
    });
    const { port } = server.address() as AddressInfo;
    const bomb = gzipBomb(300);
    // The server refuses long before the last KiB. An answer before the whole
    // body is read is followed by a close with request bytes unread: the
    // kernel resets the connection, and the client may lose the answer
    // (ECONNRESET, or EPIPE on its next write).
    const tail = bomb.subarray(bomb.length - 1024);
    const outcome = await new Promise<{
      status: number | null;
      message: string | null;
      answeredBeforeBodyEnd: boolean;
      clientError: string | null;
    }>(resolve => {
      let bodyEnded = false;
      let answeredBeforeBodyEnd = false;
      const req = http.request(
        {
          port,
          path: '/api/cost/imports',
          method: 'POST',
          headers: {
            'content-type': 'application/gzip',
            'content-length': bomb.length,
          },
        },
        response => {
          answeredBeforeBodyEnd = !bodyEnded;
          let text = '';
          response.on('data', chunk => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? null,
              message: JSON.parse(text).error?.message ?? text,
              answeredBeforeBodyEnd,
              clientError: null,
            }),
          );
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        resolve({
          status: null,
          message: null,
          answeredBeforeBodyEnd,
          clientError: `${error.code ?? ''} ${error.message}`,
        }),
      );
      req.write(bomb.subarray(0, bomb.length - tail.length));
      sendTail = () => {
        if (bodyEnded) return;
        bodyEnded = true;
        req.end(tail);
      };
      req.on('response', sendTail);
    });
    expect(outcome).toEqual({
      status: 413,
      message:
        'Import rejected, nothing was changed: the decompressed file is larger than 4.0 MB (gogidix.http.maxImportBytes)',
      // The server reads (and drops) the rest of the body before answering.
      answeredBeforeBodyEnd: false,
      clientError: null,
    });
    expect((await request(server).get('/api/cost/imports')).body.items).toEqual(
      [],
    );
    // A gzip file within the limit still imports.
    await request(server)
      .post('/api/cost/imports')
      .set('content-type', 'application/gzip')
      .send(gzipSync(october))
      .expect(201);
  });

  it.each([
    ['/api/cost/overview?days=0', 400],
    ['/api/cost/overview?days=abc', 400],
    ['/api/cost/entities/component/default/nope/cost?days=400', 400],
    ['/api/cost/overview?team=', 400],
    ['/api/cost/overview?unknown=1', 400],
    ['/api/cost/entities/component/default/nope/cost', 404],
    ['/api/cost/overview?team=marketing', 404],
  ])('GET %s answers %d', async (path, status) => {
    const server = await startBackend();
    expect((await request(server).get(path)).status).toBe(status);
  });

  it('refuses uploads that are neither CSV nor gzip', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/cost/imports')
      .set('content-type', 'application/json')
      .send('{}');
    expect(res.status).toBe(400);
  });

  describe('on the demo data', () => {
    it('tells the story the demo sets up', async () => {
      const server = await startBackend({ demo: true });
      const overview = (await request(server).get('/api/cost/overview?days=30'))
        .body as CostOverview;
      expect(overview.currency).toBe('EUR');
      // Nightly retraining started three weeks ago: the AI team's top mover.
      const ai = (
        await request(server).get('/api/cost/overview?days=30&team=ai')
      ).body as CostOverview;
      expect(ai.movers[0]).toMatchObject({
        name: 'model-training-pipeline',
        entityRef: 'component:default/model-training-pipeline',
      });
      expect(ai.teams[0].budget?.monthly).toBe(9000);
      // The search reindex nine days before the end is an anomaly, explained.
      expect(overview.anomalies).toContainEqual(
        expect.objectContaining({
          date: addDaysTo(overview.to, -9),
          name: 'search-service',
          category: 'Analytics',
        }),
      );
      expect(overview.unallocated).toBeGreaterThan(0);

      const savings = (await request(server).get('/api/cost/savings')).body;
      const kinds = savings.recommendations.map(
        (r: { kind: string; target: string }) => `${r.kind} ${r.target}`,
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'idle-gpu ai/image-classifier',
          'oversized-requests listings/listings-service',
          'no-owner arn:aws:store:eu-west-1:111122223333:volume/vol-0f3a9c2e',
        ]),
      );
      expect(kinds).not.toContain('idle-gpu ai/valuation-model');
    });
  });
});

function addDaysTo(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}
