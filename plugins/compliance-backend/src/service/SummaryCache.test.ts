import { createTestStore } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseComplianceStore } from '../database/DatabaseComplianceStore';
import { parseRuleSet } from '../rules/ruleSet';
import { SummaryCache } from './SummaryCache';

const databases = portalTestDatabases();

const ruleSet = parseRuleSet(
  `
checks:
  - { id: owner, title: Owner, level: bronze, description: d, howToFix: f,
      conditions: { all: [{ fact: catalog.owner, operator: notEqual, value: null }] } }
  - { id: scan, title: Scan, level: silver, description: d, howToFix: f,
      conditions: { all: [{ fact: trivy.critical, operator: equal, value: 0 }] } }
controls:
  - { framework: SOC 2, id: CC7.1, title: Vulnerabilities, checks: [scan] }
campaigns: []
`,
  'test',
);

const at = (iso: string) => new Date(iso);

async function saveRound(
  store: DatabaseComplianceStore,
  finishedAt: string,
  scan: 'pass' | 'fail',
) {
  await store.saveRound({
    startedAt: finishedAt,
    finishedAt,
    campaigns: [],
    results: ['a', 'b'].map(name => ({
      entityRef: `component:default/${name}`,
      team: `group:default/${name === 'a' ? 'listings' : 'search'}`,
      level: 'bronze',
      checks: [
        { checkId: 'owner', status: 'pass', evidence: [] },
        { checkId: 'scan', status: name === 'a' ? scan : 'fail', evidence: [] },
      ],
    })),
  });
}

const waiver = {
  id: 'w1',
  entityRef: 'component:default/b',
  checkId: 'scan',
  reason: 'Scanner does not support this image yet',
  approver: 'user:default/sofia.rossi',
  createdBy: 'user:default/jane.doe',
  createdAt: '2026-11-27T09:30:00.000Z',
  expiresAt: '2026-11-27T12:00:00.000Z',
};

const teamCounts = async (cache: SummaryCache, now: Date) => {
  const { digest } = await cache.get(now);
  return Object.fromEntries(
    [...digest.teams].map(([team, rollup]) => [
      team,
      { failed: rollup.counts.failed, waived: rollup.counts.waived },
    ]),
  );
};

describe.each(databases.eachSupportedId())('SummaryCache on %p', id => {
  let store: DatabaseComplianceStore;

  beforeEach(async () => {
    store = await createTestStore(databases, id);
    await saveRound(store, '2026-11-27T09:00:00.000Z', 'fail');
  });

  it('reads the results once while nothing changed', async () => {
    const cache = new SummaryCache({ store, ruleSet });
    const read = jest.spyOn(store, 'latestResults');
    await cache.get(at('2026-11-27T10:00:00Z'));
    await Promise.all([
      cache.get(at('2026-11-27T10:00:01Z')),
      cache.get(at('2026-11-27T10:00:02Z')),
    ]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('shows a new round and a new waiver on the next request', async () => {
    const cache = new SummaryCache({ store, ruleSet });
    const now = at('2026-11-27T10:00:00Z');
    expect(await teamCounts(cache, now)).toEqual({
      'group:default/listings': { failed: 1, waived: 0 },
      'group:default/search': { failed: 1, waived: 0 },
    });

    await saveRound(store, '2026-11-27T10:00:00.000Z', 'pass');
    expect(await teamCounts(cache, now)).toEqual({
      'group:default/listings': { failed: 0, waived: 0 },
      'group:default/search': { failed: 1, waived: 0 },
    });

    await store.createWaiver(waiver);
    expect(await teamCounts(cache, now)).toEqual({
      'group:default/listings': { failed: 0, waived: 0 },
      'group:default/search': { failed: 0, waived: 1 },
    });
  });

  it('stops counting a waiver the moment it expires', async () => {
    await store.createWaiver(waiver);
    const cache = new SummaryCache({ store, ruleSet });
    expect(
      (await teamCounts(cache, at('2026-11-27T11:59:59Z')))[
        'group:default/search'
      ],
    ).toEqual({ failed: 0, waived: 1 });
    expect(
      (await teamCounts(cache, at('2026-11-27T12:00:00Z')))[
        'group:default/search'
      ],
    ).toEqual({ failed: 1, waived: 0 });
  });
});
