import { costTeamLabel, costTeamRef } from './costTeams';

describe('costTeamRef', () => {
  it.each([
    ['payments', 'group:default/payments'],
    [' payments ', 'group:default/payments'],
    ['Payments', 'group:default/payments'],
    ['group:payments', 'group:default/payments'],
    ['finance/payments', 'group:finance/payments'],
    ['group:finance/payments', 'group:finance/payments'],
    ['unallocated', 'unallocated'],
    ['group:', 'group:'],
  ])('keeps %j as %j', (team, ref) => {
    expect(costTeamRef(team)).toBe(ref);
  });
});

describe('costTeamLabel', () => {
  it.each([
    ['group:default/payments', 'payments'],
    ['group:finance/payments', 'finance/payments'],
    ['unallocated', 'unallocated'],
  ])('shows %j as %j', (team, label) => {
    expect(costTeamLabel(team)).toBe(label);
  });
});
