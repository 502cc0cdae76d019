import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { DeployGateDecision } from '@gogidix/plugin-slo-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import express from 'express';
import request from 'supertest';
import {
  component,
  ScriptedSource,
  sloTestApp,
} from '../__testUtils__/routerApp';
import { SloLinks } from './links';

const LISTINGS = 'component:default/listings-service';
const MANAGER = 'user:default/amara.okafor';
const DEVELOPER = 'user:default/jane.doe';

/**
 * listings-service's SLOs (slo/openslo.yaml in the demo): availability at
 * 99.95% and latency at 99%, both over the same rolling period.
 */
const TARGETS = { availability: 0.9995, latency: 0.99 };

/** The budget left, computed apart from the code: (allowed - measured) / allowed. */
const remaining = (errorRatio: number, target: number) =>
  (1 - target - errorRatio) / (1 - target);

describe('deploy gate routes', () => {
  const databases = portalTestDatabases();
  const now = new Date('2026-12-07T10:00:00Z');
  let clock: Date;
  let app: express.Express;
  let source: ScriptedSource;
  let asked: Array<{ permission: string; resourceRef?: string; who: string }>;
  let events: Array<{
    eventId: string;
    meta: Record<string, unknown>;
    outcome?: 'success' | 'fail';
    result?: Record<string, unknown>;
  }>;

  /** Who may do what: the manager overrides, nobody else does. */
  const permissions = mockServices.permissions.mock({
    authorize: async (
      requests: AuthorizePermissionRequest[],
      options?: { credentials: BackstageCredentials },
    ) => {
      const principal = options?.credentials.principal as {
        type: string;
        userEntityRef?: string;
        subject?: string;
      };
      const who = principal.userEntityRef ?? principal.subject ?? 'none';
      return requests.map(r => {
        asked.push({
          permission: r.permission.name,
          ...('resourceRef' in r ? { resourceRef: r.resourceRef } : {}),
          who,
        });
        const allowed =
          r.permission.name === 'slo.deployGate.evaluate' ||
          (r.permission.name === 'slo.deployGate.override' && who === MANAGER);
        return {
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      });
    },
  });

  async function gateApp(entities: Entity[]) {
    const knex = await databases.init('SQLITE_3');
    return sloTestApp({
      knex,
      sli: { kind: 'prometheus', source },
      entities,
      links: new SloLinks('http://portal.test', undefined),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions,
      auditor: mockServices.auditor.mock({
        createEvent: async options => {
          const event: (typeof events)[number] = {
            eventId: options.eventId,
            meta: (options.meta ?? {}) as Record<string, unknown>,
          };
          events.push(event);
          return {
            success: async (result?: { meta?: Record<string, unknown> }) => {
              event.outcome = 'success';
              event.result = result?.meta;
            },
            fail: async () => {
              event.outcome = 'fail';
            },
          };
        },
      }),
      defaultDeployPolicy: 'min-budget=10%; allow=fix,rollback',
      now: () => clock,
    });
  }

  beforeEach(async () => {
    clock = now;
    asked = [];
    events = [];
    source = new ScriptedSource();
    ({ app } = await gateApp([
      component('listings-service', './slo/openslo.yaml'),
    ]));
  });

  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
  });
  const ci = { Authorization: mockCredentials.service.header() };
  const ask = (kind: string, headers = as(DEVELOPER)) =>
    request(app)
      .post('/deploy-gate')
      .set(headers)
      .send({ entityRef: LISTINGS, change: { kind, sha: 'abc123' } });

  it.each([
    ['get', '/deploy-gate?entityRef=listings-service', undefined],
    ['post', '/deploy-gate', { entityRef: LISTINGS, change: { kind: 'fix' } }],
    ['get', '/deploy-gate/overrides?entityRef=listings-service', undefined],
    [
      'post',
      '/deploy-gate/overrides',
      { entityRef: LISTINGS, reason: 'hotfix', expiresInMinutes: 60 },
    ],
  ] as const)(
    'refuses %s %s without credentials',
    async (method, path, body) => {
      const res = await request(app)[method](path).send(body);
      expect(res.status).toBe(401);
    },
  );

  it('allows a feature while every budget is above the minimum, with the figures', async () => {
    source.ratio = 0.0002;
    const res = await ask('feature');
    expect(res.status).toBe(200);
    const body = res.body as DeployGateDecision;
    expect(body.decision).toBe('allow');
    expect(body.policy).toEqual({
      text: 'min-budget=10%; allow=fix,rollback',
      source: 'config',
    });
    expect(body.slos.map(s => s.name)).toEqual(['availability', 'latency']);
    expect(body.slos[0].budgetRemaining).toBeCloseTo(
      remaining(0.0002, TARGETS.availability),
      9,
    );
    expect(body.slos[1].budgetRemaining).toBeCloseTo(
      remaining(0.0002, TARGETS.latency),
      9,
    );
    expect(body.slos.map(s => s.target)).toEqual([
      TARGETS.availability,
      TARGETS.latency,
    ]);
  });

  it('denies a feature once a budget is below the minimum, and lets a fix through', async () => {
    // availability: (0.0005 - 0.001) / 0.0005 = -100%; latency: 90% left.
    source.ratio = 0.001;
    const feature = await ask('feature');
    expect(feature.status).toBe(200);
    expect(feature.body.decision).toBe('deny');
    expect(feature.body.reason).toBe(
      'Policy denies a feature: availability has -100% of its error budget left (min-budget=10%; allow=fix,rollback)',
    );
    expect(feature.body.slos[0].budgetRemaining).toBeCloseTo(
      remaining(0.001, TARGETS.availability),
      9,
    );
    expect(
      feature.body.slos.map((s: { verdict: string }) => s.verdict),
    ).toEqual(['fail', 'pass']);
    const fix = await ask('fix');
    expect(fix.body.decision).toBe('allow');
  });

  it('records who asked and the answer in the audit trail', async () => {
    source.ratio = 0.001;
    await ask('feature');
    expect(events).toEqual([
      {
        eventId: 'deploy-gate-decide',
        meta: { entityRef: LISTINGS, changeKind: 'feature', sha: 'abc123' },
        outcome: 'success',
        result: expect.objectContaining({ decision: 'deny', overrideId: null }),
      },
    ]);
    expect(asked).toEqual([
      {
        permission: 'slo.deployGate.evaluate',
        resourceRef: LISTINGS,
        who: DEVELOPER,
      },
    ]);
  });

  it('answers a CI token, which may not override', async () => {
    source.ratio = 0.001;
    const decision = await ask('feature', ci);
    expect(decision.status).toBe(200);
    expect(decision.body.decision).toBe('deny');
    const override = await request(app)
      .post('/deploy-gate/overrides')
      .set(ci)
      .send({ entityRef: LISTINGS, reason: 'ship it', expiresInMinutes: 60 });
    expect(override.status).toBe(403);
    expect(events.map(e => [e.eventId, e.outcome])).toEqual([
      ['deploy-gate-decide', 'success'],
      ['deploy-gate-override', 'fail'],
    ]);
  });

  it('refuses an override to a developer, and records the attempt', async () => {
    const res = await request(app)
      .post('/deploy-gate/overrides')
      .set(as(DEVELOPER))
      .send({ entityRef: LISTINGS, reason: 'ship it', expiresInMinutes: 60 });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/on-call engineers and managers/);
    expect(events).toEqual([
      expect.objectContaining({
        eventId: 'deploy-gate-override',
        outcome: 'fail',
      }),
    ]);
  });

  it("a manager's override lets the feature through until it expires, and is listed", async () => {
    source.ratio = 0.001;
    const created = await request(app)
      .post('/deploy-gate/overrides')
      .set(as(MANAGER))
      .send({
        entityRef: 'listings-service',
        reason: '  payment outage hotfix needs the new client  ',
        expiresInMinutes: 90,
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: LISTINGS,
      reason: 'payment outage hotfix needs the new client',
      createdBy: MANAGER,
      createdAt: '2026-12-07T10:00:00.000Z',
      expiresAt: '2026-12-07T11:30:00.000Z',
      active: true,
    });
    expect(events[0]).toMatchObject({
      eventId: 'deploy-gate-override',
      outcome: 'success',
      result: { overrideId: created.body.id },
    });

    const allowed = await ask('feature');
    expect(allowed.body.decision).toBe('allow');
    expect(allowed.body.override.id).toBe(created.body.id);
    expect(allowed.body.reason).toMatch(
      /^Override by user:default\/amara\.okafor until 2026-12-07T11:30:00\.000Z/,
    );

    const listed = await request(app)
      .get(`/deploy-gate/overrides?entityRef=${LISTINGS}`)
      .set(as(DEVELOPER));
    expect(listed.status).toBe(200);
    expect(listed.body.overrides).toEqual([created.body]);

    clock = new Date('2026-12-07T11:30:00Z');
    expect((await ask('feature')).body.decision).toBe('deny');
    const expired = await request(app)
      .get(`/deploy-gate/overrides?entityRef=${LISTINGS}`)
      .set(as(DEVELOPER));
    expect(expired.body.overrides[0].active).toBe(false);
  });

  it('previews the decision for the SLO tab without an audit event', async () => {
    source.ratio = 0.001;
    const res = await request(app)
      .get(`/deploy-gate?entityRef=${LISTINGS}`)
      .set(as(DEVELOPER));
    expect(res.status).toBe(200);
    expect(res.body.change).toEqual({ kind: 'feature' });
    expect(res.body.decision).toBe('deny');
    expect(events).toEqual([]);
  });

  it.each([
    [{ change: { kind: 'feature' } }, /entityRef/],
    [{ entityRef: LISTINGS, change: { kind: 'hotfix' } }, /kind/],
    [{ entityRef: LISTINGS }, /change/],
    [{ entityRef: 'component:', change: { kind: 'feature' } }, /entityRef/],
    [
      { entityRef: LISTINGS, change: { kind: 'fix' }, force: true },
      /^force: unknown field/,
    ],
    [
      { entityRef: LISTINGS, change: { kind: 'fix', commit: 'abc' } },
      /^change\.commit: unknown field/,
    ],
  ])(
    'refuses a bad gate question %j, naming the field',
    async (body, field) => {
      const res = await request(app)
        .post('/deploy-gate')
        .set(as(DEVELOPER))
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
    },
  );

  it.each([
    [{ entityRef: LISTINGS, reason: 'x', expiresInMinutes: 60 }, /reason/],
    [{ entityRef: LISTINGS, reason: '   ', expiresInMinutes: 60 }, /reason/],
    [
      { entityRef: LISTINGS, reason: 'hotfix', expiresInMinutes: 1441 },
      /expiresInMinutes/,
    ],
    [
      { entityRef: LISTINGS, reason: 'hotfix', expiresInMinutes: 0 },
      /expiresInMinutes/,
    ],
    [
      { entityRef: LISTINGS, reason: 'hotfix', expiresInMinutes: 1.5 },
      /expiresInMinutes/,
    ],
    [{ entityRef: LISTINGS, expiresInMinutes: 60 }, /reason/],
  ])('refuses a bad override %j, naming the field', async (body, field) => {
    const res = await request(app)
      .post('/deploy-gate/overrides')
      .set(as(MANAGER))
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(field);
  });

  it('answers 404 for a service the catalog does not know', async () => {
    const res = await request(app)
      .post('/deploy-gate')
      .set(as(DEVELOPER))
      .send({ entityRef: 'component:default/nope', change: { kind: 'fix' } });
    expect(res.status).toBe(404);
    const override = await request(app)
      .post('/deploy-gate/overrides')
      .set(as(MANAGER))
      .send({
        entityRef: 'component:default/nope',
        reason: 'hotfix',
        expiresInMinutes: 60,
      });
    expect(override.status).toBe(404);
  });

  it("denies everything while the component's policy does not parse, naming it", async () => {
    const entity = component('listings-service', './slo/openslo.yaml');
    entity.metadata.annotations!['gogidix.io/error-budget-policy'] =
      'min-budget=lots';
    ({ app } = await gateApp([entity]));
    source.ratio = 0;
    const res = await ask('rollback');
    expect(res.body.decision).toBe('deny');
    expect(res.body.reason).toContain(
      'annotation gogidix.io/error-budget-policy: min-budget must be a percentage',
    );
    expect(res.body.policy).toEqual({
      text: 'min-budget=lots',
      source: 'annotation',
    });
  });

  it("judges by the component's annotation over the configured default", async () => {
    const entity = component('listings-service', './slo/openslo.yaml');
    entity.metadata.annotations!['gogidix.io/error-budget-policy'] =
      'min-budget=70%; allow=rollback';
    ({ app } = await gateApp([entity]));
    // availability has 60% left: below 70%, so only a rollback passes.
    source.ratio = 0.0002;
    expect((await ask('fix')).body.decision).toBe('deny');
    expect((await ask('rollback')).body.decision).toBe('allow');
  });
});
