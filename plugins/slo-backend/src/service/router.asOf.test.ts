import { mockCredentials } from '@backstage/backend-test-utils';
import { NO_SLI_SOURCE_NOTICE } from '@gogidix/plugin-slo-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import { Knex } from 'knex';
import request from 'supertest';
import {
  component,
  ScriptedSource,
  sloTestApp,
} from '../__testUtils__/routerApp';
import { ConfiguredSliSource } from './SloService';
import { SloLinks } from './links';

const user = { Authorization: mockCredentials.user.header() };
const now = new Date('2026-11-20T10:00:00Z');
const status = '/entities/component/default/listings-service/status';

describe('SLO router: as of a moment, by system, and without an SLI source', () => {
  const databases = portalTestDatabases();

  async function app(
    sli: ConfiguredSliSource,
    systems = ['x', 'x'],
    knex?: Knex,
  ) {
    const listings = component('listings-service', './slo/openslo.yaml');
    listings.spec!.system = systems[0];
    const gateway = component('api-gateway', './slo/openslo.yaml', 'platform');
    gateway.spec!.system = systems[1];
    return sloTestApp({
      knex: knex ?? (await databases.init('SQLITE_3')),
      sli,
      entities: [listings, gateway],
      links: new SloLinks('http://portal.test', undefined),
      now: () => now,
    });
  }

  describe('with an SLI source', () => {
    let source: ScriptedSource;
    let built: Awaited<ReturnType<typeof app>>;

    beforeEach(async () => {
      source = new ScriptedSource();
      // Templates write the full ref, hand-written files the bare name.
      built = await app({ kind: 'prometheus', source }, [
        'system:default/property-marketplace',
        'property-marketplace',
      ]);
      await built.service.refreshDefinitions();
      // 0.02% errors at 08:00 (healthy), 0.2% at 09:00.
      await built.service.evaluateAll(new Date('2026-11-19T08:00:00Z'));
      source.ratio = 0.002;
      await built.service.evaluateAll(new Date('2026-11-20T09:00:00Z'));
    });

    it.each([['/summary'], ['/summary.csv'], [status]])(
      'takes at with unescaped colons on %s',
      async path => {
        const res = await request(built.app)
          .get(`${path}?at=2026-11-20T09:30:00Z`)
          .set(user);
        expect(res.status).toBe(200);
      },
    );

    it.each([['/summary'], ['/summary.csv'], [status]])(
      'answers 400 on %s for a bad at, naming the field and the format',
      async path => {
        const res = await request(built.app)
          .get(`${path}?at=yesterday`)
          .set(user);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'at must be an RFC 3339 date-time such as 2026-12-01T10:00:00Z (UTC) or 2026-12-01T11:00:00+01:00, got "yesterday"',
        );
        const future = await request(built.app)
          .get(`${path}?at=2027-01-01T00:00:00Z`)
          .set(user);
        expect(future.status).toBe(400);
      },
    );

    it('summarises as of a past moment: the snapshots then, and the trend up to that day', async () => {
      const then = await request(built.app)
        .get('/summary?at=2026-11-19T12:00:00Z')
        .set(user);
      expect(then.status).toBe(200);
      expect(then.body.at).toBe('2026-11-19T12:00:00.000Z');
      expect(then.body.asOf).toBe('2026-11-19T08:00:00.000Z');
      expect(new Set(then.body.slos.map((s: { at: string }) => s.at))).toEqual(
        new Set(['2026-11-19T08:00:00.000Z']),
      );
      expect(then.body.trend.map((d: { day: string }) => d.day)).toEqual([
        '2026-11-19',
      ]);
      // 0.02% errors: every SLO of both services was healthy then.
      expect(then.body.totals).toEqual({
        healthy: 4,
        atRisk: 0,
        exhausted: 0,
        missing: 0,
      });

      const current = await request(built.app).get('/summary').set(user);
      expect(current.body.at).toBeUndefined();
      expect(current.body.asOf).toBe('2026-11-20T09:00:00.000Z');
      expect(current.body.trend.map((d: { day: string }) => d.day)).toEqual([
        '2026-11-19',
        '2026-11-20',
      ]);

      // Before any snapshot: the SLOs are listed, none evaluated.
      const before = await request(built.app)
        .get('/summary?at=2026-11-01T00:00:00Z')
        .set(user);
      expect(before.body.totals.missing).toBe(4);
      expect(
        new Set(before.body.slos.map((s: { alert: string }) => s.alert)),
      ).toEqual(new Set(['none']));
    });

    it('groups system:default/x and x as one system', async () => {
      const res = await request(built.app).get('/summary').set(user);
      expect(res.body.sliSource).toBe('prometheus');
      expect(res.body.bySystem.map((s: { name: string }) => s.name)).toEqual([
        'system:default/property-marketplace',
      ]);
      expect(
        new Set(res.body.slos.map((s: { system: string }) => s.system)),
      ).toEqual(new Set(['system:default/property-marketplace']));
    });
  });

  describe('without an SLI source', () => {
    it('evaluates nothing and says so, never showing stored figures', async () => {
      // Values stored by an earlier run (say, the demo) on the same database.
      const knex = await databases.init('SQLITE_3');
      const earlier = await app(
        { kind: 'demo', source: new ScriptedSource() },
        ['x', 'x'],
        knex,
      );
      await earlier.service.refreshDefinitions();
      await earlier.service.evaluateAll(new Date('2026-11-20T09:00:00Z'));
      expect(
        (await request(earlier.app).get('/summary').set(user)).body.totals
          .healthy,
      ).toBe(4);

      const none = await app({ kind: 'none' }, ['x', 'x'], knex);
      await none.service.refreshDefinitions();
      expect(await none.service.evaluateAll(now)).toEqual([]);
      expect(await none.service.backfillHistory(now, 30)).toBe(0);

      const entity = await request(none.app).get(status).set(user);
      expect(entity.status).toBe(200);
      expect(entity.body.sliSource).toBe('none');
      expect(entity.body.notice).toBe(NO_SLI_SOURCE_NOTICE);
      expect(entity.body.notice).toContain('slo.prometheus.baseUrl');
      expect(entity.body.slos).toHaveLength(2);
      for (const slo of entity.body.slos) {
        expect(slo.evaluation).toBeUndefined();
        expect(slo.burnDown).toEqual([]);
      }

      const summary = await request(none.app).get('/summary').set(user);
      expect(summary.body.sliSource).toBe('none');
      expect(summary.body.notice).toBe(NO_SLI_SOURCE_NOTICE);
      expect(summary.body.totals).toEqual({
        healthy: 0,
        atRisk: 0,
        exhausted: 0,
        missing: 4,
      });
      expect(summary.body.trend).toEqual([]);
      expect(summary.body.fastestBurners).toEqual([]);
      for (const row of summary.body.slos) {
        expect(row).toMatchObject({
          sli: null,
          budgetRemaining: null,
          alert: 'none',
          status: 'missing',
        });
      }
    });
  });
});
