import { costExportRows } from './costExport';
import { AttributedCost } from './costOverview';

const row = (over: Partial<AttributedCost>): AttributedCost => ({
  date: '2026-10-14',
  team: 'group:default/listings',
  entityRef: 'component:default/listings-service',
  system: 'marketplace',
  rule: 'service-tag',
  serviceCategory: 'Compute',
  service: 'listings-service',
  cost: 1,
  ...over,
});

describe('costExportRows', () => {
  it('sums rows of one day, team, service and category, rounded to cents', () => {
    expect(
      costExportRows([row({ cost: 1.234 }), row({ cost: 2 })]).map(r => r.cost),
    ).toEqual([3.23]);
  });

  it('keeps teams of one name in different namespaces apart', () => {
    const rows = costExportRows([
      row({ team: 'group:default/payments', cost: 1 }),
      row({ team: 'group:finance/payments', cost: 2 }),
    ]);
    expect(rows.map(r => [r.team, r.cost])).toEqual([
      ['group:default/payments', 1],
      ['group:finance/payments', 2],
    ]);
  });

  it('writes team-level cost with empty system and component', () => {
    expect(
      costExportRows([
        row({
          entityRef: null,
          system: null,
          rule: 'team-tag',
          service: 'listings (no service tag)',
        }),
      ]),
    ).toEqual([
      {
        date: '2026-10-14',
        team: 'group:default/listings',
        system: '',
        service: 'listings (no service tag)',
        entityRef: '',
        serviceCategory: 'Compute',
        cost: 1,
      },
    ]);
  });

  it('sorts by day, then team, then service', () => {
    const rows = costExportRows([
      row({ date: '2026-10-15', team: 'group:default/a' }),
      row({ date: '2026-10-14', team: 'group:default/b', service: 'y' }),
      row({ date: '2026-10-14', team: 'group:default/b', service: 'x' }),
      row({ date: '2026-10-14', team: 'group:default/a' }),
    ]);
    expect(rows.map(r => `${r.date} ${r.team} ${r.service}`)).toEqual([
      '2026-10-14 group:default/a listings-service',
      '2026-10-14 group:default/b x',
      '2026-10-14 group:default/b y',
      '2026-10-15 group:default/a listings-service',
    ]);
  });
});
