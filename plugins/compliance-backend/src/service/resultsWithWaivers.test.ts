import { StoredEntityResult } from '../database/ComplianceStore';
import { parseRuleSet } from '../rules/ruleSet';
import { exportRows } from './evidenceExport';
import { complianceDigest } from './complianceDigest';
import { orgCompliance } from './orgDigest';
import { applyWaivers } from './resultsWithWaivers';

const rules = parseRuleSet(
  `
checks:
  - { id: owner, title: Owner, level: bronze, description: d, howToFix: f,
      conditions: { all: [{ fact: catalog.owner, operator: notEqual, value: null }] } }
  - { id: scan, title: Scan, level: silver, description: d, howToFix: f,
      conditions: { all: [{ fact: trivy.critical, operator: equal, value: 0 }] } }
  - { id: mtls, title: mTLS, level: gold, description: d, howToFix: f,
      conditions: { all: [{ fact: repo.helmMtlsStrict, operator: equal, value: true }] } }
controls:
  - { framework: SOC 2, id: CC7.1, title: Vulnerabilities, checks: [scan] }
  - { framework: SOC 2, id: CC6.6, title: Boundaries, checks: [mtls, owner] }
campaigns:
  - { id: scan-all, title: Scan all, owner: group:default/sre, deadline: '2027-01-01', checks: [scan] }
`,
  'test',
);

const result = (
  name: string,
  team: string,
  statuses: Record<string, 'pass' | 'fail' | 'error'>,
): StoredEntityResult => ({
  entityRef: `component:default/${name}`,
  team: `group:default/${team}`,
  level: 'none',
  evaluatedAt: '2026-11-27T09:00:00.000Z',
  checks: Object.entries(statuses).map(([checkId, status]) => ({
    checkId,
    status,
    evidence: [
      {
        factId: 'trivy.critical',
        value: status === 'pass' ? 0 : 2,
        source: 'Trivy report',
        collectedAt: '2026-11-27T08:00:00.000Z',
      },
    ],
  })),
});

const now = new Date('2026-11-27T10:00:00Z');
const results = applyWaivers(
  [
    result('a', 'listings', { owner: 'pass', scan: 'pass', mtls: 'pass' }),
    result('b', 'listings', { owner: 'pass', scan: 'fail', mtls: 'fail' }),
    result('c', 'search', { owner: 'fail', scan: 'fail', mtls: 'error' }),
  ],
  rules,
  [],
  now,
);

/** Campaign progress as stored: per team and day. */
const campaignHistory = [
  {
    campaignId: 'scan-all',
    day: '2026-11-26',
    team: 'group:default/listings',
    passing: 0,
    total: 2,
  },
  {
    campaignId: 'scan-all',
    day: '2026-11-26',
    team: 'group:default/search',
    passing: 0,
    total: 1,
  },
  {
    campaignId: 'scan-all',
    day: '2026-11-27',
    team: 'group:default/listings',
    passing: 1,
    total: 2,
  },
  {
    campaignId: 'scan-all',
    day: '2026-11-27',
    team: 'group:default/search',
    passing: 1,
    total: 1,
  },
];

describe('orgCompliance', () => {
  const digest = complianceDigest(results, rules);
  const allTeams = new Set(['group:default/listings', 'group:default/search']);
  const view = (shown: Set<string>, limit: number) =>
    orgCompliance({
      digest,
      shown,
      limit,
      ruleSet: rules,
      trend: [],
      campaignHistory: [],
      teams: [...allTeams],
      filters: { teams: [] },
      evaluatedAt: null,
    });
  const summary = orgCompliance({
    digest,
    shown: allTeams,
    limit: 100,
    ruleSet: rules,
    trend: [
      {
        day: '2026-11-26',
        team: 'group:default/listings',
        entities: 2,
        passed: 3,
        failed: 3,
        errors: 0,
        pending: 0,
        waived: 0,
      },
      {
        day: '2026-11-26',
        team: 'group:default/search',
        entities: 1,
        passed: 0,
        failed: 3,
        errors: 0,
        pending: 0,
        waived: 0,
      },
    ],
    campaignHistory,
    teams: ['group:default/listings', 'group:default/search'],
    filters: { teams: [] },
    evaluatedAt: '2026-11-27T09:00:00.000Z',
  });

  it('recomputes levels from the statuses', () => {
    expect(results.map(r => r.level)).toEqual(['gold', 'bronze', 'none']);
    expect(summary.totals.levels).toEqual({
      gold: 1,
      silver: 0,
      bronze: 1,
      none: 1,
    });
  });

  it('puts the lowest level and most widespread gaps first', () => {
    expect(
      summary.gaps.map(g => `${g.checkId} ${g.entityRef.slice(-1)}`),
    ).toEqual(['owner c', 'scan b', 'scan c', 'mtls b', 'mtls c']);
    expect(summary.totals.gaps).toBe(5);
  });

  it('lists only the worst `limit` gaps and components, and counts them all', () => {
    const cut = view(allTeams, 2);
    expect(cut.gaps.map(g => `${g.checkId} ${g.entityRef.slice(-1)}`)).toEqual([
      'owner c',
      'scan b',
    ]);
    expect(cut.entities.map(e => e.entityRef.slice(-1))).toEqual(['c', 'b']);
    expect(cut.totals).toMatchObject({ entities: 3, gaps: 5 });
  });

  it('lists and counts only the teams shown', () => {
    const listings = view(new Set(['group:default/listings']), 100);
    expect(
      listings.gaps.map(g => `${g.checkId} ${g.entityRef.slice(-1)}`),
    ).toEqual(['scan b', 'mtls b']);
    expect(listings.entities.map(e => e.entityRef.slice(-1))).toEqual([
      'b',
      'a',
    ]);
    expect(listings.totals).toMatchObject({ entities: 2, gaps: 2 });
    expect(listings.byTeam.map(t => t.team)).toEqual([
      'group:default/listings',
    ]);
    expect(new Set(listings.heatmap.map(c => c.team))).toEqual(
      new Set(['group:default/listings']),
    );
    expect(listings.campaigns[0]).toMatchObject({ passing: 1, total: 2 });
  });

  it('fills the team × control heatmap and rolls teams up, worst first', () => {
    expect(summary.heatmap).toEqual([
      {
        team: 'group:default/listings',
        control: 'SOC 2 CC7.1',
        passRate: 0.5,
        failing: 1,
      },
      {
        team: 'group:default/listings',
        control: 'SOC 2 CC6.6',
        passRate: 0.5,
        failing: 1,
      },
      {
        team: 'group:default/search',
        control: 'SOC 2 CC7.1',
        passRate: 0,
        failing: 1,
      },
      {
        team: 'group:default/search',
        control: 'SOC 2 CC6.6',
        passRate: 0,
        failing: 1,
      },
    ]);
    expect(summary.byTeam.map(t => [t.team, t.passRate])).toEqual([
      ['group:default/search', 0],
      ['group:default/listings', 4 / 6],
    ]);
  });

  it('adds up campaign history over the teams shown only', () => {
    const listings = orgCompliance({
      digest,
      shown: new Set(['group:default/listings']),
      limit: 100,
      ruleSet: rules,
      trend: [],
      campaignHistory,
      teams: [...allTeams],
      filters: { teams: [] },
      evaluatedAt: null,
    });
    expect(listings.campaigns[0].history).toEqual([
      { day: '2026-11-26', progress: 0 },
      { day: '2026-11-27', progress: 0.5 },
    ]);
  });

  it('reports trend and campaign progress', () => {
    expect(summary.trend).toEqual([
      { day: '2026-11-26', entities: 3, passRate: 3 / 9 },
    ]);
    expect(summary.campaigns[0]).toMatchObject({
      passing: 1,
      total: 3,
      history: [
        { day: '2026-11-26', progress: 0 },
        { day: '2026-11-27', progress: 2 / 3 },
      ],
    });
  });
});

describe('applyWaivers', () => {
  const waiver = {
    id: 'w',
    entityRef: 'component:default/b',
    checkId: 'scan',
    reason: 'r',
    approver: 'user:default/sofia.rossi',
    createdBy: 'user:default/jane.doe',
    createdAt: '2026-11-01T00:00:00.000Z',
  };

  it.each([
    [
      'an active waiver excuses the failure',
      '2026-12-01T00:00:00.000Z',
      'waived',
      'silver',
    ],
    [
      'an expired waiver stops counting',
      '2026-11-27T09:59:59.000Z',
      'fail',
      'bronze',
    ],
  ])('%s', (_, expiresAt, status, level) => {
    const [b] = applyWaivers(
      [results[1]],
      rules,
      [{ ...waiver, expiresAt }],
      now,
    );
    expect(b.checks.find(c => c.checkId === 'scan')!.status).toBe(status);
    expect(b.level).toBe(level);
  });
});

describe('exportRows', () => {
  it('writes one row per control, entity and check with evidence and waiver', () => {
    const waivers = [
      {
        id: 'w',
        entityRef: 'component:default/b',
        checkId: 'scan',
        reason: 'Fix next sprint',
        approver: 'user:default/sofia.rossi',
        createdBy: 'user:default/jane.doe',
        createdAt: '2026-11-01T00:00:00.000Z',
        expiresAt: '2026-12-01T00:00:00.000Z',
      },
    ];
    const rows = exportRows(
      applyWaivers([results[1]], rules, waivers, now),
      rules,
      waivers,
      now,
    );
    expect(rows.map(r => [r.control, r.checkId, r.checkStatus])).toEqual([
      ['CC7.1', 'scan', 'waived'],
      ['CC6.6', 'mtls', 'fail'],
      ['CC6.6', 'owner', 'pass'],
    ]);
    expect(rows[0]).toMatchObject({
      framework: 'SOC 2',
      controlStatus: 'pass',
      evidence: 'trivy.critical = 2',
      evidenceSources: 'Trivy report',
      evidenceCollectedAt: '2026-11-27T08:00:00.000Z',
      waiverReason: 'Fix next sprint',
      waiverApprover: 'user:default/sofia.rossi',
      waiverExpiresAt: '2026-12-01T00:00:00.000Z',
    });
  });
});
