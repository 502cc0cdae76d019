import type { TeamCompliance } from '@gogidix/plugin-compliance-common';
import type { TeamCost } from '@gogidix/plugin-cost-common';
import { firingByTeam, teamRollupRows } from './rollup';

const counts = (exhausted: number, atRisk: number, healthy: number) => ({
  exhausted,
  atRisk,
  healthy,
  missing: 0,
});
const cost = (team: string, current: number): TeamCost => ({
  team,
  current,
  previous: 0,
  change: current,
  changeRatio: null,
  budget: null,
});
const compliance = (team: string, passRate: number): TeamCompliance => ({
  team,
  entities: 2,
  passed: 8,
  failed: 2,
  errors: 0,
  pending: 0,
  waived: 0,
  passRate,
  levels: { gold: 0, silver: 1, bronze: 1, none: 0 },
});

const teams = [
  'group:default/engineering',
  'group:default/platform',
  'group:default/listings',
];

describe('teamRollupRows', () => {
  it('joins each family’s row to its team, in the order of the teams', () => {
    const rows = teamRollupRows(teams, {
      sloByTeam: [
        { name: 'group:default/listings', ...counts(1, 0, 3) },
        { name: 'group:default/platform', ...counts(0, 2, 5) },
      ],
      costTeams: [
        cost('group:default/platform', 1234.5),
        cost('unallocated', 99),
      ],
      complianceByTeam: [compliance('group:default/listings', 0.8)],
      firingByTeam: new Map([['group:default/platform', 3]]),
    });
    expect(rows.map(r => r.team)).toEqual([
      'group:default/platform',
      'group:default/listings',
    ]);
    expect(rows[0]).toMatchObject({
      slo: counts(0, 2, 5),
      cost: { current: 1234.5 },
      firingAlerts: 3,
    });
    expect(rows[0].compliance).toBeUndefined();
    expect(rows[1]).toMatchObject({
      slo: counts(1, 0, 3),
      compliance: { passRate: 0.8 },
    });
    expect(rows[1].cost).toBeUndefined();
    expect(rows[1].firingAlerts).toBeUndefined();
  });

  it('matches teams named in short form (as owners may be written)', () => {
    const rows = teamRollupRows(['group:default/platform'], {
      sloByTeam: [{ name: 'platform', ...counts(0, 0, 1) }],
    });
    expect(rows[0].slo).toMatchObject(counts(0, 0, 1));
  });

  it('leaves out teams that no family knows (a department owning nothing itself)', () => {
    expect(teamRollupRows(teams, {})).toEqual([]);
  });

  it('keeps a team whose services are quiet: zero firing is a state', () => {
    const rows = teamRollupRows(['group:default/listings'], {
      firingByTeam: new Map([['group:default/listings', 0]]),
    });
    expect(rows).toEqual([{ team: 'group:default/listings', firingAlerts: 0 }]);
  });
});

describe('firingByTeam', () => {
  it('adds up the alerts of each team’s components, quiet ones as zero', () => {
    const counted = firingByTeam([
      { team: 'group:default/platform', firing: 2 },
      { team: 'group:default/platform', firing: 1 },
      { team: 'group:default/listings', firing: 0 },
    ]);
    expect([...counted]).toEqual([
      ['group:default/platform', 3],
      ['group:default/listings', 0],
    ]);
  });
});
