import {
  HttpAuthService,
  PermissionsService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ResolvedSlo } from '@gogidix/plugin-slo-common';
import express from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { portalTestDatabases } from '@gogidix/test-kit';
import {
  component,
  demoDir,
  ScriptedSource,
  sloTestApp,
} from '../__testUtils__/routerApp';
import { SloLinks } from './links';
import { createRouter, SUMMARY_CACHE_SECONDS } from './router';
import { SloService } from './SloService';

describe('SLO router', () => {
  const databases = portalTestDatabases();
  const now = new Date('2026-11-20T10:00:00Z');
  let app: express.Express;
  let source: ScriptedSource;
  let service: SloService;

  /** A router over the given services, read from a fresh store. */
  async function sloApp(options: {
    entities: Entity[];
    links: SloLinks;
    httpAuth?: HttpAuthService;
    permissions?: PermissionsService;
    urlReader?: UrlReaderService;
    now: () => Date;
  }) {
    const knex = await databases.init('SQLITE_3');
    return sloTestApp({
      knex,
      sli: { kind: 'prometheus', source },
      ...options,
    });
  }

  beforeEach(async () => {
    source = new ScriptedSource();
    ({ app, service } = await sloApp({
      entities: [
        component('listings-service', './slo/openslo.yaml'),
        component('media-service', './slo/missing.yaml'),
      ],
      links: new SloLinks('http://portal.test', {
        baseUrl: 'https://grafana.test',
        dashboardUid: 'slo-detail',
      }),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      now: () => now,
    }));
  });

  /**
   * A router over two teams' services, listings-service and api-gateway
   * (platform), evaluated at 09:00, with the given permissions and clock.
   */
  async function twoTeamApp(options: {
    permissions: PermissionsService;
    now: () => Date;
  }) {
    const twoTeams = await sloApp({
      entities: [
        component('listings-service', './slo/openslo.yaml'),
        component('api-gateway', './slo/openslo.yaml', 'platform'),
      ],
      links: new SloLinks('http://portal.test', undefined),
      ...options,
    });
    await twoTeams.service.refreshDefinitions();
    await twoTeams.service.evaluateAll(new Date('2026-11-20T09:00:00Z'));
    return twoTeams;
  }

  const user = { Authorization: mockCredentials.user.header() };
  const status = '/entities/component/default/listings-service/status';
  const LISTINGS_REF = 'component:default/listings-service';

  it.each([
    ['get', status],
    ['get', '/summary'],
    ['get', '/summary.csv'],
    ['post', '/rules'],
  ] as const)('refuses %s %s without credentials', async (method, path) => {
    const res = await request(app)
      [method](path)
      .send(method === 'post' ? { document: 'x' } : undefined);
    expect(res.status).toBe(401);
  });

  it("evaluates an entity's SLOs from its OpenSLO document, with links", async () => {
    const res = await request(app).get(status).set(user);
    expect(res.status).toBe(200);
    expect(res.body.freshness).toBe('live');
    expect(res.body.problems).toEqual([]);
    expect(res.body.slos.map((s: { slo: ResolvedSlo }) => s.slo.id)).toEqual([
      'listings-service-availability',
      'listings-service-latency',
    ]);
    const [availability] = res.body.slos;
    expect(availability.evaluation.sli).toBeCloseTo(0.9998, 6);
    expect(availability.evaluation.budget.remaining).toBeCloseTo(0.6, 6);
    expect(availability.links).toEqual({
      runbook:
        'http://portal.test/runbooks/default/component/listings-service/slo-availability-burn',
      grafana:
        'https://grafana.test/d/slo-detail?var-service=listings-service&var-slo=availability',
    });
  });

  it('reports an unreadable document at the annotation', async () => {
    const res = await request(app)
      .get('/entities/component/default/media-service/status')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body.slos).toEqual([]);
    expect(res.body.problems).toEqual([
      {
        source: './slo/missing.yaml',
        path: 'metadata.annotations["gogidix.io/openslo"]',
        message: 'could not read the OpenSLO document: ENOENT',
      },
    ]);
    expect(res.text).not.toContain(demoDir);
  });

  it("refuses an OpenSLO document in another team's repository, for that component alone", async () => {
    // The UrlReader would serve the listings team's document to anyone asking.
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockResolvedValue({
      buffer: async () =>
        readFileSync(join(demoDir, 'listings-service/slo/openslo.yaml')),
    } as Awaited<ReturnType<UrlReaderService['readUrl']>>);
    const listingsDocument =
      'https://git.gogidix.dev/listings/listings-service/blob/main/slo/openslo.yaml';
    const evil = component('evil-slo', listingsDocument, 'platform');
    evil.metadata.annotations!['backstage.io/managed-by-location'] =
      'url:https://git.gogidix.dev/platform/evil-slo/blob/main/catalog-info.yaml';
    const withEvil = await sloApp({
      entities: [component('listings-service', './slo/openslo.yaml'), evil],
      links: new SloLinks('http://portal.test', undefined),
      urlReader,
      now: () => now,
    });
    await withEvil.service.refreshDefinitions();
    await withEvil.service.evaluateAll(new Date('2026-11-20T09:00:00Z'));

    const res = await request(withEvil.app)
      .get('/entities/component/default/evil-slo/status')
      .set(user);
    expect(res.status).toBe(200);
    expect(res.body.slos).toEqual([]);
    expect(res.body.problems).toEqual([
      {
        source: listingsDocument,
        path: 'metadata.annotations["gogidix.io/openslo"]',
        message: `gogidix.io/openslo points outside the component's repository (${listingsDocument}); keep the OpenSLO document in the component's own repository`,
      },
    ]);
    expect(urlReader.readUrl).not.toHaveBeenCalled();

    // The other components' SLOs keep working, and none is the platform team's.
    const summary = await request(withEvil.app).get('/summary').set(user);
    expect(summary.status).toBe(200);
    expect(
      summary.body.slos.map((s: { entityRef: string }) => s.entityRef),
    ).toEqual([LISTINGS_REF, LISTINGS_REF]);
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await request(app)
      .get('/entities/component/default/nope/status')
      .set(user);
    expect(res.status).toBe(404);
  });

  it.each([['yesterday'], ['2027-01-01T00:00:00Z']])(
    'answers 400 for at=%s',
    async at => {
      const res = await request(app).get(status).query({ at }).set(user);
      expect(res.status).toBe(400);
    },
  );

  it('falls back to the last stored values, with a notice, while the source is down', async () => {
    await service.refreshDefinitions();
    await service.evaluateAll(new Date('2026-11-20T08:00:00Z'));
    source.ratio = 'down';
    const res = await request(app).get(status).set(user);
    expect(res.status).toBe(200);
    expect(res.body.freshness).toBe('stored');
    expect(res.body.notice).toMatch(/unreachable/);
    expect(res.body.slos[0].evaluation.at).toBe('2026-11-20T08:00:00.000Z');

    // Recovery needs no restart: the next request is live again.
    source.ratio = 0.0002;
    expect((await request(app).get(status).set(user)).body.freshness).toBe(
      'live',
    );
  });

  it('summarises by team, filters by owner and tier, and exports CSV', async () => {
    await service.refreshDefinitions();
    source.ratio = 0.002;
    await service.evaluateAll(new Date('2026-11-20T09:00:00Z'));
    const res = await request(app)
      .get('/summary')
      .query({ owner: 'group:default/listings' })
      .set(user);
    expect(res.status).toBe(200);
    // 0.2% errors: 4x the 99.95% availability budget, a fifth of the 99% latency one.
    expect(res.body.totals).toEqual({
      healthy: 1,
      atRisk: 0,
      exhausted: 1,
      missing: 0,
    });
    expect(res.body.byTeam).toEqual([
      {
        name: 'group:default/listings',
        healthy: 1,
        atRisk: 0,
        exhausted: 1,
        missing: 0,
      },
    ]);
    expect(res.body.trend).toEqual([
      { day: '2026-11-20', healthy: 1, atRisk: 0, exhausted: 1, missing: 0 },
    ]);
    const other = await request(app)
      .get('/summary')
      .query({ owner: 'group:default/payments' })
      .set(user);
    expect(other.body.slos).toEqual([]);
    expect(
      (await request(app).get('/summary').query({ tier: 'tier-9x' }).set(user))
        .status,
    ).toBe(400);

    const csv = await request(app).get('/summary.csv').set(user);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'sloId,displayName,entityRef,owner,system,tier,target,window,sli,budgetRemaining,burnRate1h,alert,status,at',
    );
    expect(lines[1]).toMatch(
      /^listings-service-availability,Availability,component:default\/listings-service,group:default\/listings,/,
    );
  });

  it('writes names a spreadsheet would run as formulas as text in the CSV', async () => {
    const entity = component('listings-service', './slo/openslo.yaml');
    entity.spec!.system = '=HYPERLINK("http://x")';
    entity.metadata.labels = { 'gogidix.io/tier': '@SUM(1)' };
    const formulas = await sloApp({
      entities: [entity],
      links: new SloLinks('http://portal.test', undefined),
      now: () => now,
    });
    await formulas.service.refreshDefinitions();
    await formulas.service.evaluateAll(new Date('2026-11-20T09:00:00Z'));

    const csv = await request(formulas.app).get('/summary.csv').set(user);
    expect(csv.status).toBe(200);
    const [, row] = csv.text.trim().split('\n');
    expect(row).toContain(`,"'=HYPERLINK(""http://x"")",'@SUM(1),`);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="slo-summary.csv"; filename*=UTF-8''slo-summary.csv`,
    );
  });

  it('generates Sloth rules for a posted document and rejects one with no usable SLO', async () => {
    const document = readFileSync(
      join(demoDir, 'listings-service/slo/openslo.yaml'),
      'utf8',
    );
    const res = await request(app).post('/rules').set(user).send({ document });
    expect(res.status).toBe(200);
    expect(
      res.body.rules.groups.map((g: { name: string }) => g.name),
    ).toContain('sloth-slo-alerts-listings-service-availability');
    const bad = await request(app)
      .post('/rules')
      .set(user)
      .send({
        document: document
          .replace(/target: 0\.9995/, 'target: 2')
          .replace(/target: 0\.99\n/, 'target: 3\n'),
      });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/spec\.objectives\[0\]\.target/);
    expect((await request(app).post('/rules').set(user).send({})).status).toBe(
      400,
    );
  });

  it('generates rules for a large document (300 KB), as the README promises', async () => {
    const document = readFileSync(
      join(demoDir, 'listings-service/slo/openslo.yaml'),
      'utf8',
    );
    // Long descriptions and comments are what make real documents large.
    const large = `${document}\n${'# runbook notes and history\n'.repeat(
      11_000,
    )}`;
    expect(large.length).toBeGreaterThan(300 * 1024);
    const res = await request(app)
      .post('/rules')
      .set(user)
      .send({ document: large });
    expect(res.status).toBe(200);
    expect(
      res.body.rules.groups.map((g: { name: string }) => g.name),
    ).toContain('sloth-slo-alerts-listings-service-availability');
  });

  describe('for a user who may see some teams', () => {
    /** The policy's answers, by resource: only the platform team's. */
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            'resourceRef' in r &&
            [
              'group:default/platform',
              'component:default/api-gateway',
            ].includes(r.resourceRef!)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })),
    });

    async function scopedApp() {
      return (await twoTeamApp({ permissions, now: () => now })).app;
    }

    it('summarises only the teams they may see', async () => {
      const scoped = await scopedApp();
      const res = await request(scoped).get('/summary');
      expect(res.status).toBe(200);
      expect(res.body.byTeam.map((t: { name: string }) => t.name)).toEqual([
        'group:default/platform',
      ]);
      expect(
        new Set(res.body.slos.map((s: { owner: string }) => s.owner)),
      ).toEqual(new Set(['group:default/platform']));
      const csv = await request(scoped).get('/summary.csv');
      expect(csv.text).not.toMatch(/listings/);
    });

    it.each([
      ['/summary', { owner: 'group:default/listings' }],
      ['/summary.csv', { owner: 'group:default/listings' }],
      ['/entities/component/default/listings-service/status', {}],
    ])('answers 403 for %s %j', async (path, query) => {
      const res = await request(await scopedApp())
        .get(path)
        .query(query);
      expect(res.status).toBe(403);
    });

    it('serves the status of a service they may see', async () => {
      const res = await request(await scopedApp()).get(
        '/entities/component/default/api-gateway/status',
      );
      expect(res.status).toBe(200);
    });
  });

  describe('with summaries and team decisions reused for a while', () => {
    const alice = 'user:default/alice'; // manages the platform team
    const admin = 'user:default/admin'; // may see every team
    let clock: number;
    let checks: string[];
    let revoked: boolean;
    const permissions = mockServices.permissions.mock({
      authorize: async (requests, options) => {
        const { userEntityRef } = options!.credentials.principal as {
          userEntityRef: string;
        };
        checks.push(userEntityRef);
        return requests.map(r => ({
          result:
            userEntityRef === admin ||
            (!revoked &&
              'resourceRef' in r &&
              r.resourceRef === 'group:default/platform')
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        }));
      },
    });
    let cachedService: SloService;

    async function cachedApp() {
      clock = now.getTime();
      checks = [];
      revoked = false;
      const built = await twoTeamApp({
        permissions,
        now: () => new Date(clock),
      });
      cachedService = built.service;
      return built.app;
    }
    const as = (ref: string) => ({
      Authorization: mockCredentials.user.header(ref),
    });
    const owners = (body: { slos: Array<{ owner: string }> }) => [
      ...new Set(body.slos.map(s => s.owner)),
    ];

    it("never shows a team manager another team's SLOs, whoever warmed the cache", async () => {
      const served = await cachedApp();
      const everything = await request(served).get('/summary').set(as(admin));
      expect(owners(everything.body).sort()).toEqual([
        'group:default/listings',
        'group:default/platform',
      ]);
      const mine = await request(served).get('/summary').set(as(alice));
      expect(owners(mine.body)).toEqual(['group:default/platform']);
      expect(mine.body.byTeam.map((t: { name: string }) => t.name)).toEqual([
        'group:default/platform',
      ]);
      const csv = await request(served).get('/summary.csv').set(as(alice));
      expect(csv.text).not.toMatch(/listings/);
      const theirs = await request(served)
        .get('/summary')
        .query({ owner: 'group:default/listings' })
        .set(as(alice));
      expect(theirs.status).toBe(403);
      // And the other way round: alice first, then the admin sees it all.
      clock += SUMMARY_CACHE_SECONDS * 1000;
      await request(served).get('/summary').set(as(alice));
      expect(
        owners((await request(served).get('/summary').set(as(admin))).body),
      ).toHaveLength(2);
    });

    it('asks the policy once per caller within the bound, again after it', async () => {
      const served = await cachedApp();
      for (let i = 0; i < 3; i++) {
        await request(served).get('/summary').set(as(alice));
        await request(served).get('/summary').set(as(admin));
      }
      expect(checks.sort()).toEqual([admin, alice]);
      // A permission taken away holds from the next bound on.
      revoked = true;
      clock += SUMMARY_CACHE_SECONDS * 1000;
      expect(
        (await request(served).get('/summary').set(as(alice))).status,
      ).toBe(403);
    });

    it('shows a new snapshot within the stated bound', async () => {
      const served = await cachedApp();
      const before = await request(served).get('/summary').set(as(alice));
      expect(before.body.slos[0].at).toBe('2026-11-20T09:00:00.000Z');
      await cachedService.evaluateAll(new Date('2026-11-20T09:30:00Z'));
      clock += SUMMARY_CACHE_SECONDS * 1000;
      const after = await request(served).get('/summary').set(as(alice));
      expect(after.body.slos[0].at).toBe('2026-11-20T09:30:00.000Z');
    });
  });

  it('refuses rules to a user without slo.rules.create', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions({ result: AuthorizeResult.DENY }),
      service,
      store: {} as never,
      links: new SloLinks('http://portal.test', undefined),
      gate: {} as never,
      auditor: mockServices.auditor.mock(),
    });
    const res = await request(express().use(router).use(mockErrorHandler()))
      .post('/rules')
      .send({ document: 'x' });
    expect(res.status).toBe(403);
  });
});
