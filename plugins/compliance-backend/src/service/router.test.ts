import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTestStore,
  demoComponents,
  demoRound,
  repoRoot,
} from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseComplianceStore } from '../database/DatabaseComplianceStore';
import { createRouter } from './router';

const databases = portalTestDatabases();
const now = new Date('2026-11-27T09:00:00Z');
const user = { Authorization: mockCredentials.user.header() };
const payments = '/entities/component/default/payments-service';
// As the client sends it: URLSearchParams encodes ':' and '/'.
const paymentsTeam = encodeURIComponent('group:default/payments');

/** A policy that refuses what `deny` says, by permission name and resource. */
function permissions(deny: (name: string, resourceRef?: string) => boolean) {
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => ({
        result: deny(
          r.permission.name,
          (r as { resourceRef?: string }).resourceRef,
        )
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
  });
}

/** The demo's components and the approver the waiver tests name. */
const catalog = () =>
  catalogServiceMock({
    entities: [
      ...demoComponents(),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'sofia.rossi', namespace: 'default' },
        spec: {},
      },
    ],
  });

describe('compliance router', () => {
  let store: DatabaseComplianceStore;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;
  let auditEvent: { success: jest.Mock; fail: jest.Mock };

  beforeAll(async () => {
    store = await createTestStore(databases);
    await demoRound(store, {
      now,
      slo: [
        {
          entityRef: 'component:default/payments-service',
          status: 'exhausted',
        },
      ],
    });
  });

  async function app(
    deny: (name: string, resourceRef?: string) => boolean = () => false,
  ) {
    const { ruleSet } = await demoRound(store, { now });
    auditEvent = { success: jest.fn(), fail: jest.fn() };
    auditor = mockServices.auditor.mock({
      createEvent: async () => auditEvent,
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions: permissions(deny),
      auditor,
      catalog: catalog(),
      store,
      ruleSet,
      now: () => now,
    });
    return express().use(router).use(mockErrorHandler());
  }

  it.each([
    ['get', '/summary'],
    ['get', '/export.csv'],
    ['get', '/export.json'],
    ['get', payments],
    ['post', `${payments}/waivers`],
    ['post', `${payments}/trivy`],
  ] as const)(
    'answers 401 to %s %s without credentials',
    async (method, path) => {
      const response = await request(await app())
        [method](path)
        .send({
          checkId: 'mtls-strict',
          reason: 'Legacy clients need plaintext',
          approver: 'user:default/sofia.rossi',
          expiresAt: '2027-03-01T00:00:00Z',
        });
      expect(response.status).toBe(401);
    },
  );

  it('summarises the teams the caller may read, worst gaps first', async () => {
    const response = await request(
      await app(
        (name, ref) =>
          name === 'compliance.org.read' && ref === 'group:default/ai',
      ),
    )
      .get('/summary')
      .set(user);
    expect(response.status).toBe(200);
    expect(response.body.teams).toContain('group:default/payments');
    expect(response.body.teams).not.toContain('group:default/ai');
    expect(
      response.body.byTeam.map((t: { team: string }) => t.team),
    ).not.toContain('group:default/ai');
    expect(response.body.gaps[0].level).toBe('bronze');
    expect(response.body.controls.map((c: { key: string }) => c.key)).toContain(
      'SOC 2 CC8.1',
    );
    expect(response.body.heatmap.length).toBe(
      response.body.byTeam.length * response.body.controls.length,
    );
    expect(response.body.campaigns[0]).toMatchObject({
      id: 'trivy-everywhere',
    });
  });

  it("shows a developer campaign history of their teams only, as the org page's team rollups", async () => {
    type Campaign = {
      id: string;
      passing: number;
      total: number;
      history: Array<{ day: string; progress: number | null }>;
    };
    const latest = (campaign: Campaign) => campaign.history.at(-1)?.progress;
    const everyone = await request(await app())
      .get('/summary')
      .set(user);
    const paymentsOnly = await request(
      await app(
        (name, ref) =>
          name === 'compliance.org.read' && ref !== 'group:default/payments',
      ),
    )
      .get('/summary')
      .set(user);
    expect(paymentsOnly.body.teams).toEqual(['group:default/payments']);
    const [org] = everyone.body.campaigns as Campaign[];
    const [mine] = paymentsOnly.body.campaigns as Campaign[];
    expect(latest(org)).toBeCloseTo(org.passing / org.total, 6);
    expect(latest(mine)).toBeCloseTo(mine.passing / mine.total, 6);
    expect(latest(mine)).not.toBeCloseTo(latest(org)!, 6);
  });

  it('filters by team', async () => {
    const response = await request(await app())
      .get(`/summary?team=${paymentsTeam}`)
      .set(user);
    expect(response.status).toBe(200);
    expect(
      response.body.entities.map((e: { entityRef: string }) => e.entityRef),
    ).toEqual(expect.arrayContaining(['component:default/payments-service']));
    expect(
      response.body.entities.every(
        (e: { team: string }) => e.team === 'group:default/payments',
      ),
    ).toBe(true);
  });

  it('never shows a caller the teams another caller warmed the summary with', async () => {
    const { ruleSet } = await demoRound(store, { now });
    const manager = 'user:default/sofia.rossi';
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      // The manager reads every team; anyone else not payments.
      permissions: mockServices.permissions.mock({
        authorize: async (requests, { credentials }) =>
          requests.map(r => ({
            result:
              (credentials.principal as { userEntityRef?: string })
                .userEntityRef !== manager &&
              (r as { resourceRef?: string }).resourceRef ===
                'group:default/payments'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })),
      }),
      auditor: mockServices.auditor.mock(),
      catalog: catalog(),
      store,
      ruleSet,
      now: () => now,
    });
    const server = express().use(router).use(mockErrorHandler());
    const teamsIn = (body: {
      teams: string[];
      byTeam: Array<{ team: string }>;
      heatmap: Array<{ team: string }>;
      gaps: Array<{ team: string }>;
      entities: Array<{ team: string }>;
    }) =>
      new Set(
        [
          body.teams,
          body.byTeam.map(t => t.team),
          body.heatmap.map(c => c.team),
          body.gaps.map(g => g.team),
          body.entities.map(e => e.team),
        ].flat(),
      );

    const all = await request(server)
      .get('/summary')
      .set({ Authorization: mockCredentials.user.header(manager) });
    expect(teamsIn(all.body)).toContain('group:default/payments');

    const other = await request(server).get('/summary').set(user);
    expect(other.status).toBe(200);
    expect(teamsIn(other.body)).not.toContain('group:default/payments');
    expect(other.body.totals.entities).toBeLessThan(all.body.totals.entities);
  });

  it('lists at most `limit` gaps and components, counting them all', async () => {
    const response = await request(await app())
      .get('/summary?limit=1')
      .set(user);
    expect(response.status).toBe(200);
    expect(response.body.limit).toBe(1);
    expect(response.body.gaps).toHaveLength(1);
    expect(response.body.entities).toHaveLength(1);
    expect(response.body.totals.gaps).toBeGreaterThan(1);
    expect(response.body.totals.entities).toBeGreaterThan(1);
  });

  it.each([
    ['a limit over 1000', '/summary?limit=1001', 400],
    ['a team filter that is not a group ref', '/summary?team=payments', 400],
    ['a team the caller may not read', `/summary?team=${paymentsTeam}`, 403],
  ])('refuses %s', async (_, path, status) => {
    const response = await request(
      await app(
        (name, ref) =>
          name === 'compliance.org.read' && ref === 'group:default/payments',
      ),
    )
      .get(path)
      .set(user);
    expect(response.status).toBe(status);
  });

  it('serves an entity with evidence, 403 without permission, 404 when not evaluated', async () => {
    const ok = await request(await app())
      .get(payments)
      .set(user);
    expect(ok.status).toBe(200);
    const check = ok.body.checks.find(
      (c: { checkId: string }) => c.checkId === 'no-critical-vulnerabilities',
    );
    expect(check).toMatchObject({
      status: 'fail',
      howToFix: expect.any(String),
    });
    expect(check.evidence[0]).toMatchObject({
      factId: 'trivy.critical',
      value: 1,
    });

    expect(ok.body.trivy).toEqual({
      report: expect.objectContaining({
        counts: { CRITICAL: 1, HIGH: 7, MEDIUM: 4, LOW: 2, UNKNOWN: 0 },
        receivedAt: now.toISOString(),
      }),
      rejected: null,
    });

    const denied = await request(
      await app(name => name === 'compliance.entity.read'),
    )
      .get(payments)
      .set(user);
    expect(denied.status).toBe(403);

    const missing = await request(await app())
      .get('/entities/component/default/nope')
      .set(user);
    expect(missing.status).toBe(404);
  });

  it('shows a component never scanned as pending, and one whose only report was refused as malformed', async () => {
    const router = await app();
    const fresh = await request(router)
      .get('/entities/component/default/geo-service')
      .set(user)
      .expect(200);
    expect(fresh.body.trivy).toEqual({ report: null, rejected: null });
    const vulnerabilityChecks = fresh.body.checks.filter(
      (c: { evidence: Array<{ factId: string }> }) =>
        c.evidence.some(e => e.factId.startsWith('trivy.')),
    );
    expect(
      vulnerabilityChecks.map((c: { checkId: string; status: string }) => [
        c.checkId,
        c.status,
      ]),
    ).toEqual([
      ['no-critical-vulnerabilities', 'pending'],
      ['recent-scan', 'pending'],
      ['no-high-vulnerabilities', 'pending'],
    ]);
    expect(vulnerabilityChecks[0].reason).toMatch(
      /waiting for the first Trivy report/,
    );

    const legacy = await request(router)
      .get('/entities/component/default/legacy-listings-importer')
      .set(user)
      .expect(200);
    expect(legacy.body.trivy.report).toBeNull();
    expect(legacy.body.trivy.rejected).toEqual({
      at: now.toISOString(),
      reason: expect.stringMatching(/^the file is not JSON/),
      source: expect.stringMatching(/^file demo\/trivy\//),
    });
  });

  it('exports CSV an auditor can read, one row per control, entity and check', async () => {
    const response = await request(await app())
      .get(`/export.csv?team=${paymentsTeam}`)
      .set(user);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /compliance-export\.csv/,
    );
    const rows: Array<Record<string, string>> = parse(response.text, {
      columns: true,
    });
    const row = rows.find(
      r =>
        r.entityRef === 'component:default/payments-service' &&
        r.control === 'A.8.8' &&
        r.checkId === 'no-critical-vulnerabilities',
    )!;
    expect(row).toMatchObject({
      framework: 'ISO 27001:2022',
      controlStatus: 'fail',
      checkStatus: 'fail',
      evidence: 'trivy.critical = 1',
      evaluatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(row.evidenceSources).toMatch(
      /^Trivy report file demo\/trivy\/payments-service\.json of /,
    );
    expect(response.text).not.toContain(repoRoot);
  });

  it('exports what users typed that a spreadsheet would run as a formula as text', async () => {
    const server = await app();
    const reason = '=HYPERLINK("http://x") until the March release';
    const created = await request(server)
      .post('/entities/component/default/mobile-bff/waivers')
      .set(user)
      .send({
        checkId: 'mtls-strict',
        reason,
        approver: 'user:default/sofia.rossi',
        expiresAt: '2027-03-01T00:00:00Z',
      });
    expect(created.status).toBe(201);

    const response = await request(server).get('/export.csv').set(user);
    const rows: Array<Record<string, string>> = parse(response.text, {
      columns: true,
    });
    const waived = rows.filter(r => r.waiverReason !== '');
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.map(r => r.waiverReason)).toContain(`'${reason}`);
    expect(waived.map(r => r.waiverReason)).not.toContain(reason);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="compliance-export.csv"; filename*=UTF-8''compliance-export.csv`,
    );
  });

  it('exports JSON and refuses without compliance.export.read', async () => {
    const ok = await request(await app())
      .get('/export.json')
      .set(user);
    expect(ok.status).toBe(200);
    expect(ok.body.controls.length).toBeGreaterThan(10);
    expect(ok.body.entities.length).toBe(24);
    expect(ok.body.entities[0].checks[0].evidence[0]).toHaveProperty(
      'collectedAt',
    );
    expect(ok.text).toContain('demo/services/');
    expect(ok.text).not.toContain(repoRoot);

    const denied = await request(
      await app(name => name === 'compliance.export.read'),
    )
      .get('/export.json')
      .set(user);
    expect(denied.status).toBe(403);
  });

  describe('waivers', () => {
    const body = {
      checkId: 'mtls-strict',
      reason: 'Legacy clients need plaintext until March',
      approver: 'user:default/sofia.rossi',
      expiresAt: '2027-03-01T00:00:00Z',
    };

    it('creates a waiver, records the audit event, and the check counts as waived at once', async () => {
      const server = await app();
      const before = await request(server).get('/summary').set(user);
      const created = await request(server)
        .post('/entities/component/default/search-service/waivers')
        .set(user)
        .send(body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        ...body,
        expiresAt: '2027-03-01T00:00:00.000Z',
        createdBy: 'user:default/mock',
        active: true,
      });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'waiver-create',
          meta: {
            entityRef: 'component:default/search-service',
            checkId: 'mtls-strict',
          },
        }),
      );
      expect(auditEvent.success).toHaveBeenCalled();

      const entity = await request(server)
        .get('/entities/component/default/search-service')
        .set(user);
      const check = entity.body.checks.find(
        (c: { checkId: string }) => c.checkId === 'mtls-strict',
      );
      expect(check.status).toBe('waived');
      expect(check.waiver.approver).toBe('user:default/sofia.rossi');

      const after = await request(server).get('/summary').set(user);
      expect(after.body.totals.waived).toBe(before.body.totals.waived + 1);
    });

    it.each([
      [
        'an unknown check',
        { checkId: 'nope' },
        400,
        /checkId: no check "nope"/,
      ],
      [
        'a past expiry',
        { expiresAt: '2026-01-01T00:00:00Z' },
        400,
        /in the future/,
      ],
      [
        'an expiry over a year away',
        { expiresAt: '2028-06-01T00:00:00Z' },
        400,
        /at most 365 days/,
      ],
      ['a short reason', { reason: 'because' }, 400, /reason/],
      ['a reason that is a number', { reason: 42 }, 400, /reason/],
      [
        'a reason over 2000 characters',
        { reason: 'x'.repeat(2001) },
        400,
        /reason/,
      ],
      ['an unknown field', { approved: true }, 400, /additional properties/],
      ['an expiry that is no date', { expiresAt: 'soon' }, 400, /expiresAt/],
      [
        'an approver that is no user ref',
        { approver: 'sofia' },
        400,
        /approver/,
      ],
      [
        'an approver who is not in the catalog',
        { approver: 'user:nowhere/ghost' },
        400,
        /^approver: no user user:nowhere\/ghost in the catalog/,
      ],
    ])('refuses %s, storing nothing', async (_, change, status, message) => {
      const before = await store.listWaivers();
      const response = await request(await app())
        .post(`${payments}/waivers`)
        .set(user)
        .send({ ...body, ...change });
      expect(response.status).toBe(status);
      expect(response.body.error.message).toMatch(message);
      expect(await store.listWaivers()).toEqual(before);
    });

    it('refuses malformed JSON, storing nothing', async () => {
      const before = await store.listWaivers();
      const response = await request(await app())
        .post(`${payments}/waivers`)
        .set(user)
        .set('content-type', 'application/json')
        .send('{"checkId": ');
      expect(response.status).toBe(400);
      expect(await store.listWaivers()).toEqual(before);
    });

    it('refuses without compliance.waiver.create and records the failure', async () => {
      const response = await request(
        await app(name => name === 'compliance.waiver.create'),
      )
        .post(`${payments}/waivers`)
        .set(user)
        .send(body);
      expect(response.status).toBe(403);
      expect(auditEvent.fail).toHaveBeenCalled();
    });

    it('answers 404 for an entity that was never evaluated', async () => {
      const response = await request(await app())
        .post('/entities/component/default/nope/waivers')
        .set(user)
        .send(body);
      expect(response.status).toBe(404);
    });
  });

  describe('Trivy uploads', () => {
    const report = {
      SchemaVersion: 2,
      CreatedAt: '2026-11-27T08:00:00Z',
      ArtifactName: 'harbor.gogidix.dev/web/status-page:1.0.0',
      Results: [{ Target: 'x', Vulnerabilities: [{ Severity: 'HIGH' }] }],
    };

    it('stores a report CI uploads', async () => {
      const response = await request(await app())
        .post('/entities/component/default/status-page/trivy')
        .set(user)
        .send(report);
      expect(response.status).toBe(201);
      expect(response.body.counts).toMatchObject({ CRITICAL: 0, HIGH: 1 });
      const [stored] = await store.listTrivyReports(
        'component:default/status-page',
      );
      expect(stored?.report?.source).toBe('uploaded by user:default/mock');
    });

    it('accepts the report of a large image, megabytes of JSON', async () => {
      const vulnerabilities = Array.from({ length: 20_000 }, (_, i) => ({
        VulnerabilityID: `CVE-2026-${i}`,
        PkgName: `package-${i}`,
        InstalledVersion: '1.0.0',
        Severity: i % 10 === 0 ? 'CRITICAL' : 'LOW',
        Description: 'A flaw in the parser allows a crafted input to crash it.',
      }));
      const body = JSON.stringify({
        ...report,
        Results: [{ Target: 'x', Vulnerabilities: vulnerabilities }],
      });
      expect(body.length).toBeGreaterThan(3 * 1024 * 1024);
      const response = await request(await app())
        .post('/entities/component/default/status-page/trivy')
        .set(user)
        .set('content-type', 'application/json')
        .send(body);
      expect(response.status).toBe(201);
      expect(response.body.counts).toMatchObject({
        CRITICAL: 2000,
        LOW: 18000,
      });
    });

    it('refuses a malformed report naming the field and fix, records when and why, and keeps the last readable report', async () => {
      const router = await app();
      await request(router)
        .post('/entities/component/default/mobile-bff/trivy')
        .set(user)
        .send(report)
        .expect(201);
      const [before] = await store.listTrivyReports(
        'component:default/mobile-bff',
      );
      const response = await request(router)
        .post('/entities/component/default/mobile-bff/trivy')
        .set(user)
        .send({
          ...report,
          Results: [{ Target: 'x', Vulnerabilities: [{ Severity: 'high' }] }],
        });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'The Trivy report for component:default/mobile-bff was refused: Results[0].Vulnerabilities[0].Severity is "high": Trivy writes one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN; upload the file `trivy image --format json --output report.json` writes, unchanged.',
      );
      const [after] = await store.listTrivyReports(
        'component:default/mobile-bff',
      );
      expect(after.report).toEqual(before.report);
      expect(after.rejected).toEqual({
        at: '2026-11-27T09:00:00.000Z',
        reason: expect.stringMatching(
          /^Results\[0\]\.Vulnerabilities\[0\]\.Severity is "high"/,
        ),
        source: 'uploaded by user:default/mock',
      });
      expect(JSON.stringify(after)).not.toContain('"high"}');
    });

    it('answers 404 for a component that is not in the catalog, storing nothing', async () => {
      const before = await store.listTrivyReports();
      const response = await request(await app())
        .post('/entities/component/default/ghost-service/trivy')
        .set(user)
        .send(report);
      expect(response.status).toBe(404);
      expect(await store.listTrivyReports()).toEqual(before);
    });

    it('accepts a CreatedAt up to five minutes ahead of the portal clock', async () => {
      const response = await request(await app())
        .post('/entities/component/default/status-page/trivy')
        .set(user)
        .send({ ...report, CreatedAt: '2026-11-27T09:05:00Z' });
      expect(response.status).toBe(201);
    });

    it.each([
      ['six minutes', '2026-11-27T09:06:00Z'],
      ['a year', '2027-11-27T09:00:00Z'],
    ])(
      'refuses a CreatedAt %s ahead of the portal clock, naming the field, and records the refusal only',
      async (_, createdAt) => {
        const [before] = await store.listTrivyReports(
          'component:default/status-page',
        );
        const response = await request(await app())
          .post('/entities/component/default/status-page/trivy')
          .set(user)
          .send({ ...report, CreatedAt: createdAt });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(
          /refused: CreatedAt .* is in the future: check the clock/,
        );
        const [after] = await store.listTrivyReports(
          'component:default/status-page',
        );
        expect(after.report).toEqual(before?.report ?? null);
        expect(after.rejected?.reason).toMatch(
          /^CreatedAt .* is in the future/,
        );
      },
    );

    it('refuses without compliance.trivy.create', async () => {
      const response = await request(
        await app(name => name === 'compliance.trivy.create'),
      )
        .post('/entities/component/default/status-page/trivy')
        .set(user)
        .send(report);
      expect(response.status).toBe(403);
    });
  });
});
