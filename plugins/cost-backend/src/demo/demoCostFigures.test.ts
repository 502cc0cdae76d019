import { addDays } from '@gogidix/plugin-cost-common';
import { portalTestDatabases } from '@gogidix/test-kit';
import { parse } from 'csv-parse/sync';
import { demoCatalogEntities } from '../__testUtils__/catalog';
import { DatabaseCostStore } from '../database/DatabaseCostStore';
import { costIndexOf } from '../service/catalogIndex';
import { CostService } from '../service/CostService';
import { DEMO_ESTATE, DEMO_EVENTS } from './demoEstate';
import { generateDemoFocusCsv } from './generateDemo';
import { loadDemoCost } from './loadDemo';

// The demo estate as the embedded portal loads it on 7 December 2026: a
// bill from 1 September to 6 December, ingested through the real import.
// Every expected figure is computed here from the generated CSV (money in
// whole ten-thousandths, so sums are exact; tags read as FOCUS 1.2 writes
// them and the default cost.attribution keys name them) or from the demo's
// events, not by the code under test.
const TODAY = '2026-12-07';
const END = addDays(TODAY, -1);

interface Charge {
  date: string;
  team: string;
  service: string | null;
  /** EffectiveCost in ten-thousandths. */
  units: number;
}

/**
 * A FOCUS row's tags as the default attribution reads them: Tags is a JSON
 * object or null (an empty cell), and a key may carry one prefix segment
 * (`gogidix:team` reads as `team`); a plain key wins over a prefixed one.
 */
function tagsOf(cell: string): Map<string, string> {
  const tags = new Map<string, string>();
  if (cell === '') return tags;
  const entries = Object.entries(JSON.parse(cell) as Record<string, string>);
  for (const [key, value] of entries) {
    if (!key.includes(':') && value) tags.set(key.toLowerCase(), value);
  }
  for (const [key, value] of entries) {
    const [prefix, plain, ...more] = key.toLowerCase().split(':');
    if (prefix && plain && more.length === 0 && value && !tags.has(plain)) {
      tags.set(plain, value);
    }
  }
  return tags;
}

/** The demo's teams: the groups of demo/. */
const TEAMS = new Set(DEMO_ESTATE.map(r => r.team).filter(Boolean));
function charges(): Charge[] {
  const records: Array<Record<string, string>> = parse(
    generateDemoFocusCsv(END),
    { columns: true },
  );
  return records.map(r => {
    const tags = tagsOf(r.Tags);
    // A service tag names the anomaly line even with no owner (`old-api`).
    const service = tags.get('service') ?? tags.get('app.kubernetes.io/name');
    const team = tags.get('team') ?? tags.get('kubernetes-namespace');
    return {
      date: r.ChargePeriodStart.slice(0, 10),
      team: team && TEAMS.has(team) ? `group:default/${team}` : 'unallocated',
      service: service ?? null,
      units: Math.round(Number(r.EffectiveCost) * 10_000),
    };
  });
}

/** An exact sum in ten-thousandths to the cent, halves away from zero. */
function cents(units: number): number {
  return (Math.sign(units) * Math.round(Math.abs(units) / 100)) / 100;
}

function sum(
  rows: Charge[],
  from: string,
  to: string,
  keep: (c: Charge) => boolean = () => true,
): number {
  return rows
    .filter(c => c.date >= from && c.date <= to && keep(c))
    .reduce((s, c) => s + c.units, 0);
}

const percent = (ratio: number | null) =>
  ratio === null ? null : Math.round(ratio * 100);

const databases = portalTestDatabases();

async function demoService() {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseCostStore.create({
    database: { getClient: async () => knex },
  });
  await loadDemoCost(store, TODAY);
  return new CostService(
    store,
    { index: async () => costIndexOf(demoCatalogEntities(), []) },
    { budgets: {} },
    () => TODAY,
  );
}

const eventDay = (i: number) => addDays(END, -DEMO_EVENTS[i].daysBeforeEnd);

describe('the demo estate on the cost page', () => {
  const rows = charges();
  let service: CostService;
  beforeAll(async () => {
    service = await demoService();
  }, 60_000);

  it('compares the 30 days shown with the 30 before, figure by figure', async () => {
    const o = await service.overview({ days: 30 });
    const [from, previousFrom] = ['2026-11-07', '2026-10-08'];
    expect([o.from, o.to]).toEqual([from, END]);
    expect(o.comparison.comparable).toBe(true);
    const now = sum(rows, from, END);
    const before = sum(rows, previousFrom, addDays(from, -1));
    expect(o.total.current).toBe(cents(now));
    expect(o.total.previous).toBe(cents(before));
    expect(o.total.change).toBe(cents(now - before));
    expect(percent(o.total.changeRatio)).toBe(
      Math.round(((now - before) / before) * 100),
    );
    for (const t of o.teams) {
      const mine = (c: Charge) => c.team === t.team;
      expect([t.team, t.current, t.previous]).toEqual([
        t.team,
        cents(sum(rows, from, END, mine)),
        cents(sum(rows, previousFrom, addDays(from, -1), mine)),
      ]);
    }
    expect(o.teams.map(t => t.team).sort()).toEqual(
      [...new Set(rows.map(c => c.team))].sort(),
    );
  });

  it('compares nothing in the 90-day view: the bill starts 7 days before it', async () => {
    const o = await service.overview({ days: 90 });
    // 90 days up to 6 December start on 8 September; the 90 before run from
    // 10 June to 7 September, and the bill starts on 1 September.
    expect(o.comparison).toEqual({
      current: { from: '2026-09-08', to: END, days: 90, daysWithData: 90 },
      previous: {
        from: '2026-06-10',
        to: '2026-09-07',
        days: 90,
        daysWithData: 7,
      },
      comparable: false,
    });
    expect(o.total.current).toBe(cents(sum(rows, '2026-09-08', END)));
    expect([o.total.change, o.total.changeRatio]).toEqual([null, null]);
    expect(o.teams.every(t => t.change === null)).toBe(true);
    expect(o.movers).toEqual([]);
  });

  it('the entity page says the same for one service', async () => {
    const ref = 'component:default/search-service';
    const search = (c: Charge) => c.service === 'search-service';
    const thirty = await service.entityCost(ref, 30);
    expect(thirty.change).toMatchObject({
      current: cents(sum(rows, '2026-11-07', END, search)),
      previous: cents(sum(rows, '2026-10-08', '2026-11-06', search)),
    });
    const ninety = await service.entityCost(ref, 90);
    expect(ninety.comparison.comparable).toBe(false);
    expect(ninety.change.changeRatio).toBeNull();
  });

  it.each([
    [
      30,
      [
        // The hyper-parameter sweep, on top of nightly retraining.
        ['model-training-pipeline', eventDay(3)],
        // The search cluster's full reindex.
        ['search-service', eventDay(0)],
        // Nightly retraining starts: a new level stands out on its first
        // two days, then it is the service's pattern.
        ['model-training-pipeline', addDays(eventDay(2), 1)],
        ['model-training-pipeline', eventDay(2)],
      ],
    ],
    [
      90,
      [
        ['model-training-pipeline', eventDay(3)],
        ['search-service', eventDay(0)],
        ['model-training-pipeline', addDays(eventDay(2), 1)],
        ['model-training-pipeline', eventDay(2)],
        // Last month's runaway query on the payments database.
        ['payments-service', eventDay(1)],
      ],
    ],
  ])(
    'flags the demo events, and nothing else, in the %d-day view',
    async (days, expected) => {
      const o = await service.overview({ days });
      expect(o.anomalies.map(a => [a.name, a.date])).toEqual(expected);
      for (const a of o.anomalies) {
        const day = (c: Charge) => c.service === a.name;
        expect(a.actual).toBe(cents(sum(rows, a.date, a.date, day)));
        expect(a.reference).toBeGreaterThan(0);
      }
    },
  );

  it('says which days it could not judge in the 90-day view', async () => {
    const o = await service.overview({ days: 90 });
    // 8 to 14 September have 7 to 13 days of history; every service that
    // costs at least 10 a day is listed with those 7 days.
    const first = '2026-09-08';
    const services = new Set(
      rows
        .filter(c => c.service && c.date === first && c.units >= 0)
        .map(c => c.service),
    );
    const tenADay = [...services].filter(
      s => sum(rows, first, first, c => c.service === s) >= 10 * 10_000,
    );
    expect(
      o.unchecked
        .filter(u => u.reason === 'short')
        .map(u => u.name)
        .sort(),
    ).toEqual(expect.arrayContaining(tenADay.sort()));
    expect(
      o.unchecked.every(
        u =>
          u.reason === 'short' && u.first === first && u.last === '2026-09-14',
      ),
    ).toBe(true);
  });
});
