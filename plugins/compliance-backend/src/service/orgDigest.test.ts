import { CheckStatus, ScorecardLevel } from '@gogidix/plugin-compliance-common';
import { StoredEntityResult } from '../database/ComplianceStore';
import { CheckDefinition, RuleSet } from '../rules/ruleSet';
import { complianceDigest } from './complianceDigest';
import { orgCompliance } from './orgDigest';

// Three checks, two controls that share the silver one, one campaign. Every
// expected figure below is counted by hand from these rows.
const check = (
  id: string,
  level: CheckDefinition['level'],
  controls: string[],
): CheckDefinition => ({
  id,
  title: `Title of ${id}`,
  level,
  description: '',
  howToFix: '',
  conditions: { all: [] },
  facts: [],
  controls,
});

const ruleSet: RuleSet = {
  checks: [
    check('owner', 'bronze', ['A']),
    check('mtls', 'silver', ['A', 'B']),
    check('scan', 'gold', ['B']),
  ],
  controls: [
    {
      key: 'A',
      framework: 'F',
      id: 'A',
      title: 'A',
      checks: ['owner', 'mtls'],
    },
    { key: 'B', framework: 'F', id: 'B', title: 'B', checks: ['mtls', 'scan'] },
  ],
  campaigns: [
    {
      id: 'mtls-everywhere',
      title: 'mTLS everywhere',
      owner: 'group:default/platform',
      deadline: '2027-01-31',
      checks: ['mtls'],
    },
  ],
};

const result = (
  name: string,
  team: string,
  level: ScorecardLevel,
  [owner, mtls, scan]: CheckStatus[],
): StoredEntityResult => ({
  entityRef: `component:default/${name}`,
  title: name,
  team,
  level,
  evaluatedAt: '2026-12-06T10:00:00.000Z',
  checks: [
    { checkId: 'owner', status: owner, evidence: [] },
    { checkId: 'mtls', status: mtls, evidence: [] },
    { checkId: 'scan', status: scan, evidence: [], reason: `${name} scan` },
  ],
});

// Out of order on purpose; `secret` is a team the caller may not see.
const results = [
  result('c1', 'secret', 'none', ['fail', 'fail', 'fail']),
  result('b1', 'payments', 'none', ['fail', 'waived', 'fail']),
  result('a2', 'listings', 'bronze', ['pass', 'pass', 'error']),
  result('a1', 'listings', 'gold', ['pass', 'pass', 'pass']),
];

function page(limit = 10) {
  return orgCompliance({
    digest: complianceDigest(results, ruleSet),
    shown: new Set(['listings', 'payments']),
    limit,
    ruleSet,
    trend: [
      {
        day: '2026-12-05',
        team: 'listings',
        entities: 2,
        passed: 4,
        failed: 1,
        errors: 1,
        pending: 0,
        waived: 0,
      },
      {
        day: '2026-12-05',
        team: 'payments',
        entities: 1,
        passed: 0,
        failed: 2,
        errors: 0,
        pending: 0,
        waived: 1,
      },
      {
        day: '2026-12-06',
        team: 'listings',
        entities: 2,
        passed: 6,
        failed: 0,
        errors: 0,
        pending: 0,
        waived: 0,
      },
    ],
    campaignHistory: [
      {
        campaignId: 'mtls-everywhere',
        day: '2026-12-06',
        team: 'listings',
        passing: 2,
        total: 2,
      },
      {
        campaignId: 'mtls-everywhere',
        day: '2026-12-05',
        team: 'listings',
        passing: 1,
        total: 2,
      },
      {
        campaignId: 'mtls-everywhere',
        day: '2026-12-05',
        team: 'payments',
        passing: 0,
        total: 1,
      },
      {
        campaignId: 'mtls-everywhere',
        day: '2026-12-05',
        team: 'secret',
        passing: 0,
        total: 5,
      },
      {
        campaignId: 'mtls-everywhere',
        day: '2026-12-06',
        team: 'payments',
        passing: 1,
        total: 1,
      },
      {
        campaignId: 'other',
        day: '2026-12-06',
        team: 'listings',
        passing: 0,
        total: 9,
      },
    ],
    teams: ['listings', 'payments'],
    filters: { teams: [] },
    evaluatedAt: '2026-12-06T10:00:00.000Z',
  });
}

describe('complianceDigest', () => {
  it('keeps teams in the order of their first component', () => {
    expect([...complianceDigest(results, ruleSet).teams.keys()]).toEqual([
      'listings',
      'payments',
      'secret',
    ]);
  });

  it('orders components lowest level first, then most gaps', () => {
    expect(
      complianceDigest(results, ruleSet).entities.map(e => e.entityRef),
    ).toEqual([
      'component:default/c1',
      'component:default/b1',
      'component:default/a2',
      'component:default/a1',
    ]);
  });
});

describe('orgCompliance', () => {
  it('sums only the teams shown', () => {
    // a1: 3 passed; a2: 2 passed, 1 error; b1: 2 failed, 1 waived.
    expect(page().totals).toEqual({
      entities: 3,
      levels: { gold: 1, silver: 0, bronze: 1, none: 1 },
      passed: 5,
      failed: 2,
      errors: 1,
      pending: 0,
      waived: 1,
      gaps: 3,
    });
  });

  it('ranks teams by pass rate, lowest first', () => {
    expect(page().byTeam.map(t => [t.team, t.entities, t.passRate])).toEqual([
      ['payments', 1, 1 / 3],
      ['listings', 2, 5 / 6],
    ]);
  });

  it('counts a control as failing when any of its checks fails', () => {
    // A (owner, mtls): a1 pass, a2 pass, b1 fail.
    // B (mtls, scan): a1 pass, a2 error, b1 fail (a waiver does not hide a failure).
    expect(
      page().controls.map(c => [
        c.key,
        c.entities,
        c.passing,
        c.failing,
        c.erroring,
        c.passRate,
      ]),
    ).toEqual([
      ['A', 3, 2, 1, 0, 2 / 3],
      ['B', 3, 1, 1, 1, 1 / 3],
    ]);
  });

  it('draws the heatmap for the teams shown, by name', () => {
    expect(
      page().heatmap.map(c => [c.team, c.control, c.passRate, c.failing]),
    ).toEqual([
      ['listings', 'A', 1, 0],
      ['listings', 'B', 0.5, 0],
      ['payments', 'A', 0, 1],
      ['payments', 'B', 0, 1],
    ]);
  });

  it('lists gaps lowest level first, then most widespread, never of a hidden team', () => {
    const gap = (g: { checkId: string; entityRef: string }) =>
      `${g.checkId} ${g.entityRef}`;
    // owner is bronze (b1); scan is gold (a2 error, b1 fail); the mtls
    // failure is c1's, which the caller may not see.
    expect(page().gaps.map(gap)).toEqual([
      'owner component:default/b1',
      'scan component:default/a2',
      'scan component:default/b1',
    ]);
    expect(page(2).gaps.map(gap)).toEqual([
      'owner component:default/b1',
      'scan component:default/a2',
    ]);
    expect(page().gaps[1]).toMatchObject({
      status: 'error',
      reason: 'a2 scan',
      title: 'Title of scan',
      level: 'gold',
      controls: ['B'],
    });
  });

  it('lists the first components of the teams shown', () => {
    expect(page(2).entities.map(e => e.entityRef)).toEqual([
      'component:default/b1',
      'component:default/a2',
    ]);
  });

  it('sums the trend by day', () => {
    // 5th: passed 4, waived 1 of 9 results; 6th: 6 of 6.
    expect(page().trend).toEqual([
      { day: '2026-12-05', entities: 3, passRate: 5 / 9 },
      { day: '2026-12-06', entities: 2, passRate: 1 },
    ]);
  });

  it('measures campaign progress and history over the teams shown', () => {
    const [campaign, ...rest] = page().campaigns;
    expect(rest).toEqual([]);
    // a1 pass, a2 pass, b1 waived: all three meet the check.
    expect(campaign).toMatchObject({
      id: 'mtls-everywhere',
      checkIds: ['mtls'],
      passing: 3,
      total: 3,
      progress: 1,
      history: [
        { day: '2026-12-05', progress: 1 / 3 },
        { day: '2026-12-06', progress: 1 },
      ],
    });
  });
});
