import { createTestStore } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';
import { EntityRoundResult } from './ComplianceStore';

const databases = portalTestDatabases();

const result = (
  name: string,
  team: string,
  statuses: Array<'pass' | 'fail' | 'error' | 'pending'>,
): EntityRoundResult => ({
  entityRef: `component:default/${name}`,
  title: name,
  team: `group:default/${team}`,
  level: statuses.every(s => s === 'pass') ? 'gold' : 'none',
  checks: statuses.map((status, i) => ({
    checkId: `check-${i}`,
    status,
    evidence: [
      {
        factId: `fact.${i}`,
        value: status === 'pass',
        source: 'test',
        collectedAt: '2026-11-27T09:00:00.000Z',
      },
    ],
  })),
});

/** Campaign `c` for a team: how many of its two checks pass. */
const campaignRow = (team: string, passing: number) => ({
  campaignId: 'c',
  team: `group:default/${team}`,
  passing,
  total: 2,
});

describe.each(databases.eachSupportedId())(
  'DatabaseComplianceStore on %s',
  databaseId => {
    const createStore = () => createTestStore(databases, databaseId);

    it('replaces facts and reads them back with value, source, time, error and pending', async () => {
      const store = await createStore();
      await store.replaceFacts([
        {
          entityRef: 'component:default/a',
          factId: 'x',
          value: ['a', 'b'],
          source: 's',
          collectedAt: '2026-11-27T09:00:00.000Z',
        },
        {
          entityRef: 'component:default/a',
          factId: 'y',
          value: null,
          source: 's',
          collectedAt: '2026-11-27T09:00:00.000Z',
          error: 'gone',
        },
        {
          entityRef: 'component:default/a',
          factId: 'z',
          value: null,
          source: 's',
          collectedAt: '2026-11-27T09:00:00.000Z',
          pending: 'no scan yet',
        },
      ]);
      expect(
        (await store.listFacts('component:default/a')).map(f => [
          f.factId,
          f.error,
          f.pending,
        ]),
      ).toEqual([
        ['x', undefined, undefined],
        ['y', 'gone', undefined],
        ['z', undefined, 'no scan yet'],
      ]);
      await store.replaceFacts([
        {
          entityRef: 'component:default/a',
          factId: 'x',
          value: 3,
          source: 's2',
          collectedAt: '2026-11-27T10:00:00.000Z',
        },
      ]);
      expect(await store.listFacts('component:default/a')).toEqual([
        {
          factId: 'x',
          value: 3,
          source: 's2',
          collectedAt: '2026-11-27T10:00:00.000Z',
        },
      ]);
    });

    it('keeps rounds: latest results by team, the daily trend and campaign progress', async () => {
      const store = await createStore();
      // A round at 09:00 on each day, five seconds long.
      for (const [day, a, b, passing] of [
        ['2026-11-26', ['fail', 'pending'], ['pass', 'fail'], 0],
        ['2026-11-27', ['pass', 'pass'], ['pass', 'error'], 2],
      ] as const) {
        await store.saveRound({
          startedAt: `${day}T09:00:00.000Z`,
          finishedAt: `${day}T09:00:05.000Z`,
          results: [
            result('a', 'listings', [...a]),
            result('b', 'search', [...b]),
          ],
          campaigns: [
            campaignRow('listings', passing),
            campaignRow('search', 1),
          ],
        });
      }
      const latest = await store.latestResults();
      expect(latest.map(r => [r.entityRef, r.level, r.evaluatedAt])).toEqual([
        ['component:default/a', 'gold', '2026-11-27T09:00:05.000Z'],
        ['component:default/b', 'none', '2026-11-27T09:00:05.000Z'],
      ]);
      expect(latest[0].checks[0].evidence[0].factId).toBe('fact.0');
      expect(
        (await store.latestResults({ teams: ['group:default/search'] })).map(
          r => r.entityRef,
        ),
      ).toEqual(['component:default/b']);
      expect(await store.latestRoundAt()).toBe('2026-11-27T09:00:05.000Z');
      expect(
        await store.dailyTeamCounts('2026-11-01', ['group:default/listings']),
      ).toEqual([
        {
          day: '2026-11-26',
          team: 'group:default/listings',
          entities: 1,
          passed: 0,
          failed: 1,
          errors: 0,
          pending: 1,
          waived: 0,
        },
        {
          day: '2026-11-27',
          team: 'group:default/listings',
          entities: 1,
          passed: 2,
          failed: 0,
          errors: 0,
          pending: 0,
          waived: 0,
        },
      ]);
      expect(await store.campaignHistory('2026-11-01')).toEqual([
        { ...campaignRow('listings', 0), day: '2026-11-26' },
        { ...campaignRow('search', 1), day: '2026-11-26' },
        { ...campaignRow('listings', 2), day: '2026-11-27' },
        { ...campaignRow('search', 1), day: '2026-11-27' },
      ]);
    });

    it('lets the day’s last round stand for the day and prunes old rounds', async () => {
      const store = await createStore();
      for (let i = 0; i < 12; i++) {
        await store.saveRound({
          startedAt: `2026-11-27T0${Math.floor(i / 6)}:${i % 6}0:00.000Z`,
          finishedAt: `2026-11-27T0${Math.floor(i / 6)}:${i % 6}0:01.000Z`,
          results: [result('a', 'listings', i % 2 ? ['pass'] : ['fail'])],
          campaigns: [],
        });
      }
      expect(await store.dailyTeamCounts('2026-11-27')).toEqual([
        {
          day: '2026-11-27',
          team: 'group:default/listings',
          entities: 1,
          passed: 1,
          failed: 0,
          errors: 0,
          pending: 0,
          waived: 0,
        },
      ]);
      expect((await store.latestResults())[0].level).toBe('gold');
    });

    it('keeps the last readable Trivy report when a later upload is refused, and clears the refusal with the next report', async () => {
      const store = await createStore();
      const counts = { CRITICAL: 1, HIGH: 0, MEDIUM: 2, LOW: 0, UNKNOWN: 3 };
      const none = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
      const report = {
        entityRef: 'component:default/a',
        artifactName: 'img:1',
        scannedAt: '2026-11-20T00:00:00.000Z',
        counts,
        misconfigurations: { ...none, HIGH: 1 },
        secrets: none,
        source: 'ci',
        receivedAt: '2026-11-20T00:01:00.000Z',
      };
      await store.saveTrivyReport(report);
      const rejected = {
        at: '2026-11-21T00:01:00.000Z',
        reason: 'SchemaVersion is 1',
        source: 'uploaded by user:default/ci',
      };
      await store.saveTrivyRejection({
        entityRef: 'component:default/a',
        ...rejected,
      });
      // A first upload that is refused leaves no report, only the refusal.
      await store.saveTrivyRejection({
        entityRef: 'component:default/b',
        ...rejected,
      });
      expect(await store.listTrivyReports()).toEqual([
        { entityRef: 'component:default/a', report, rejected },
        { entityRef: 'component:default/b', report: null, rejected },
      ]);
      const next = { ...report, receivedAt: '2026-11-22T00:00:00.000Z' };
      await store.saveTrivyReport(next);
      expect(await store.listTrivyReports('component:default/a')).toEqual([
        { entityRef: 'component:default/a', report: next, rejected: null },
      ]);
    });

    it('stores waivers and lists them per entity, newest first', async () => {
      const store = await createStore();
      const waiver = {
        entityRef: 'component:default/a',
        checkId: 'mtls-strict',
        reason: 'Legacy clients until March',
        approver: 'user:default/sofia.rossi',
        createdBy: 'user:default/jane.doe',
        expiresAt: '2027-03-01T00:00:00.000Z',
      };
      await store.createWaiver({
        ...waiver,
        id: 'w1',
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      await store.createWaiver({
        ...waiver,
        id: 'w2',
        createdAt: '2026-11-02T00:00:00.000Z',
      });
      await store.createWaiver({
        ...waiver,
        id: 'w3',
        entityRef: 'component:default/b',
        createdAt: '2026-11-02T00:00:00.000Z',
      });
      expect(
        (await store.listWaivers('component:default/a')).map(w => w.id),
      ).toEqual(['w2', 'w1']);
      expect(await store.listWaivers()).toHaveLength(3);
    });
  },
);
