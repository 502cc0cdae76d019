import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { component } from '../__testUtils__/catalog';
import { deliveryPlugin } from '../plugin';

const entities = [
  component('payments', 'payments'),
  component('search', 'search'),
  component('=cmd', 'search'),
];

async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /** Only these resources (group or entity refs) are allowed. */
    allowedRefs?: string[];
    auditor?: ReturnType<typeof mockServices.auditor.mock>;
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
      deliveryPlugin,
      ...(options.auditor ? [options.auditor.factory] : []),
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: {} }),
      permissions,
    ],
  });
  return server;
}

const today = new Date();
const hoursAgo = (h: number) =>
  new Date(today.getTime() - h * 3_600_000).toISOString();

const report = (overrides: object = {}) => ({
  entityRef: 'component:default/payments',
  runId: 'run-1',
  environment: 'production',
  status: 'success',
  sha: 'a'.repeat(40),
  startedAt: hoursAgo(2),
  finishedAt: hoursAgo(1.9),
  commits: [{ sha: 'a'.repeat(40), committedAt: hoursAgo(5) }],
  ...overrides,
});

const post = (server: Parameters<typeof request>[0], body: object) =>
  request(server)
    .post('/api/delivery/deployments')
    .set('Authorization', mockCredentials.service.header())
    .send(body);

describe('delivery router', () => {
  const routes: Array<[string, string]> = [
    ['get', '/api/delivery/entities/component/default/payments/delivery'],
    [
      'get',
      '/api/delivery/entities/component/default/payments/deployments?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z',
    ],
    ['get', '/api/delivery/teams'],
    ['get', '/api/delivery/overview'],
    ['get', '/api/delivery/export.csv'],
    ['post', '/api/delivery/deployments'],
  ];

  it.each(routes)(
    '%s %s refuses unauthenticated requests',
    async (method, path) => {
      const server = await startBackend();
      const res = await (method === 'get'
        ? request(server).get(path)
        : request(server).post(path).send(report())
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
        : request(server).post(path).send(report())
      ).set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
    },
  );

  it('stores a reported deploy and shows it on the service, once per run', async () => {
    const auditor = mockServices.auditor.mock();
    const server = await startBackend({ auditor });
    expect((await post(server, report())).status).toBe(201);
    const again = await post(server, report({ status: 'failure' }));
    expect(again.status).toBe(201);
    expect(again.body.id).toBe('pipeline:component:default/payments:run-1');

    const res = await request(server)
      .get('/api/delivery/entities/component/default/payments/delivery?days=7')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.deployments).toEqual([
      {
        id: 'pipeline:component:default/payments:run-1',
        source: 'pipeline',
        entityRef: 'component:default/payments',
        environment: 'production',
        status: 'failure',
        sha: 'a'.repeat(40),
        startedAt: hoursAgo(2),
        finishedAt: hoursAgo(1.9),
        commits: [{ sha: 'a'.repeat(40), committedAt: hoursAgo(5) }],
        rollbackOf: null,
      },
    ]);
    expect(res.body.period.days).toBe(7);
    expect(res.body.days).toHaveLength(7);
    expect(res.body.conflicts).toEqual([]);
    // A failed deploy is a failed change; it has no lead time.
    expect(res.body.metrics.changeFailureRate).toMatchObject({
      value: 1,
      sample: 1,
    });
    expect(res.body.metrics.deploymentFrequency.value).toBe(0);
    expect(res.body.sources).toContainEqual({
      kind: 'github',
      configured: false,
      detail:
        'set delivery.github.token, and annotate components with github.com/project-slug',
      configKey: 'delivery.github.token',
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'delivery-deployment-report',
        meta: { target: 'component:default/payments', runId: 'run-1' },
      }),
    );
  });

  it.each([
    [{ entityRef: undefined }, /entityRef/],
    [
      { entityRef: 'component:default/nope' },
      /entityRef: component:default\/nope is not a component in the catalog/,
    ],
    [{ startedAt: 'yesterday' }, /startedAt/],
    [{ finishedAt: hoursAgo(3) }, /finishedAt: must not be before startedAt/],
    [
      { finishedAt: null },
      /finishedAt: a deployment with status success needs/,
    ],
    [{ status: 'done' }, /status/],
    [{ extra: 1 }, /extra: not a field of a deployment report/],
  ])('refuses the report %o, naming the field', async (change, message) => {
    const server = await startBackend();
    const res = await post(server, report(change));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for a component the catalog does not have, 400 for bad days', async () => {
    const server = await startBackend();
    const missing = await request(server)
      .get('/api/delivery/entities/component/default/nope/delivery')
      .set('Authorization', mockCredentials.user.header());
    expect(missing.status).toBe(404);
    const zero = await request(server)
      .get('/api/delivery/entities/component/default/payments/delivery?days=0')
      .set('Authorization', mockCredentials.user.header());
    expect(zero.status).toBe(400);
  });

  it('lists deployments between from and to, refusing a reversed or missing range', async () => {
    const server = await startBackend();
    await post(server, report());
    await post(
      server,
      report({
        runId: 'old',
        startedAt: hoursAgo(100),
        finishedAt: hoursAgo(99),
      }),
    );
    const get = (query: string) =>
      request(server)
        .get(
          `/api/delivery/entities/component/default/payments/deployments${query}`,
        )
        .set('Authorization', mockCredentials.user.header());
    const recent = await get(`?from=${hoursAgo(24)}&to=${hoursAgo(0)}`);
    expect(recent.status).toBe(200);
    expect(recent.body.entityRef).toBe('component:default/payments');
    expect(recent.body.deployments.map((d: { id: string }) => d.id)).toEqual([
      'pipeline:component:default/payments:run-1',
    ]);
    expect((await get(`?from=${hoursAgo(0)}&to=${hoursAgo(24)}`)).status).toBe(
      400,
    );
    expect((await get(`?from=${hoursAgo(24)}`)).status).toBe(400);
  });

  it('shows a manager only the teams the policy allows, and refuses another team', async () => {
    const server = await startBackend({
      allowedRefs: ['group:default/payments'],
    });
    const teams = await request(server)
      .get('/api/delivery/teams')
      .set('Authorization', mockCredentials.user.header());
    expect(teams.body).toEqual({
      items: [{ team: 'group:default/payments', services: 1 }],
    });
    const overview = await request(server)
      .get('/api/delivery/overview')
      .set('Authorization', mockCredentials.user.header());
    expect(overview.status).toBe(200);
    expect(overview.body.teams.map((t: { team: string }) => t.team)).toEqual([
      'group:default/payments',
    ]);
    const other = await request(server)
      .get('/api/delivery/overview?team=search')
      .set('Authorization', mockCredentials.user.header());
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(
      'Not allowed to read the delivery of team group:default/search',
    );
  });

  it('computes the org, team and service figures from the pooled events', async () => {
    const server = await startBackend();
    // payments: a good deploy whose commit waited 3.1 hours; search: a
    // failed one. Pooled: 2 finished deploys, 1 failed.
    await post(server, report());
    await post(
      server,
      report({
        entityRef: 'component:default/search',
        runId: 's-1',
        status: 'failure',
        commits: [],
      }),
    );
    const res = await request(server)
      .get('/api/delivery/overview?days=7')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.org.changeFailureRate).toMatchObject({
      value: 0.5,
      sample: 2,
    });
    expect(res.body.org.deploymentFrequency.value).toBeCloseTo(1 / 7, 9);
    expect(res.body.org.leadTimeHours.value).toBeCloseTo(5 - 1.9, 9);
    expect(
      res.body.teams.map((t: { team: string; services: number }) => [
        t.team,
        t.services,
      ]),
    ).toEqual([
      ['group:default/payments', 1],
      ['group:default/search', 2],
    ]);
    expect(
      res.body.services.map(
        (s: {
          entityRef: string;
          name: string;
          team: string;
          metrics: { changeFailureRate: { value: number } };
        }) => [s.entityRef, s.name, s.team, s.metrics.changeFailureRate.value],
      ),
    ).toEqual([
      ['component:default/payments', 'payments', 'group:default/payments', 0],
      ['component:default/search', 'search', 'group:default/search', 1],
    ]);
    // Without a baseline the reductions say so; figures are never made up.
    expect(
      res.body.targets.find(
        (t: { label: string }) => t.label === 'Half as many incidents',
      ),
    ).toMatchObject({
      measured: null,
      status: 'no-data',
      detail: expect.stringContaining('no baseline period recorded'),
    });
    expect(
      res.body.days.reduce(
        (n: number, d: { deployments: number }) => n + d.deployments,
        0,
      ),
    ).toBe(2);
  });

  it('exports a CSV of the teams shown, one row per component and day', async () => {
    const server = await startBackend();
    await post(server, report());
    await post(
      server,
      report({ entityRef: 'component:default/=cmd', runId: 'x' }),
    );
    const res = await request(server)
      .get('/api/delivery/export.csv?team=search&days=7')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(
      'delivery-search-7d.csv',
    );
    const date = hoursAgo(2).slice(0, 10);
    expect(res.text.trim().split('\n')).toEqual([
      'date,team,entityRef,deployments,failedDeployments,incidents',
      `${date},group:default/search,component:default/=cmd,1,0,0`,
    ]);
  });
});
