import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { portalTestDatabases } from '@gogidix/test-kit';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@gogidix/plugin-cost-backend',
  'migrations',
);
const BEFORE_TEAM_REFS = '20261127060000_daily_rollup.js';
const TEAM_REFS = '20261207030000_team_group_refs.js';
const FOCUS_MONEY = '20261207060000_focus_money.js';

const databases = portalTestDatabases();

describe.each(databases.eachSupportedId())('cost migrations on %s', id => {
  async function migratedUpTo(name: string): Promise<Knex> {
    const knex = await databases.init(id);
    const config = { directory: migrationsDir };
    const pending = async () =>
      (
        (await knex.migrate.list(config)) as [unknown, Array<{ file: string }>]
      )[1];
    for (
      let next = await pending();
      next.length > 0 && next[0].file <= name;
      next = await pending()
    ) {
      await knex.migrate.up(config);
    }
    return knex;
  }

  async function seedTags(knex: Knex, tags: Array<string | null>) {
    const [imported] = await knex('cost_imports')
      .insert({
        billing_account_id: 'acct-1',
        billing_period_start: '2026-10-01',
        rows: tags.length,
        cost: tags.length,
        currency: 'USD',
        source: 'test',
      })
      .returning('id');
    const importId =
      typeof imported === 'object' ? (imported as { id: number }).id : imported;
    for (const [i, tag] of tags.entries()) {
      const key = {
        charge_date: `2026-10-0${i + 1}`,
        service_category: 'Compute',
        team_tag: tag,
      };
      await knex('cost_charges').insert({
        ...key,
        import_id: importId,
        service_name: 'EC2',
        charge_category: 'Usage',
        billed_cost: 1,
        effective_cost: 1,
      });
      await knex('cost_daily').insert({ ...key, cost: 1 });
    }
  }

  const tagsIn = async (knex: Knex, table: string) =>
    (await knex(table).orderBy('charge_date').select('team_tag')).map(
      r => r.team_tag,
    );

  const STORED = [
    'payments',
    'group:default/search',
    'finance/payments',
    'group:ai',
    null,
    'a/',
  ];
  const AS_REFS = [
    'group:default/payments',
    'group:default/search',
    'group:finance/payments',
    'group:default/ai',
    null,
    'a/',
  ];

  it('rewrites stored team names as full group refs, keeping every row', async () => {
    const knex = await migratedUpTo(BEFORE_TEAM_REFS);
    await seedTags(knex, STORED);
    await knex.migrate.up({ directory: migrationsDir });
    for (const table of ['cost_charges', 'cost_daily']) {
      expect(await tagsIn(knex, table)).toEqual(AS_REFS);
    }
    const total = await knex('cost_charges')
      .sum({ cost: 'effective_cost' })
      .first();
    expect(Number(total?.cost)).toBe(STORED.length);
  });

  it('changes nothing when run again, and goes back down to names', async () => {
    const knex = await migratedUpTo(BEFORE_TEAM_REFS);
    await seedTags(knex, STORED);
    const config = { directory: migrationsDir };
    const migration = require(`${migrationsDir}/${TEAM_REFS}`);
    await knex.migrate.up(config);
    await migration.up(knex);
    expect(await tagsIn(knex, 'cost_daily')).toEqual(AS_REFS);

    await knex.migrate.down(config);
    expect(await tagsIn(knex, 'cost_charges')).toEqual([
      'payments',
      'search',
      'group:finance/payments',
      'ai',
      null,
      'a/',
    ]);
  });

  it('keeps the stored costs as exact micros, and goes back down', async () => {
    const knex = await migratedUpTo(TEAM_REFS);
    await seedTags(knex, ['payments', null]);
    await knex('cost_charges').update({
      billed_cost: 12.345678,
      effective_cost: 0.1,
    });
    const config = { directory: migrationsDir };
    await knex.migrate.up(config);
    const rows = await knex('cost_charges').select(
      'billed_micros',
      'effective_micros',
      'list_micros',
      'contracted_micros',
      'charge_class',
    );
    expect(
      rows.map(r => [
        Number(r.billed_micros),
        Number(r.effective_micros),
        Number(r.list_micros),
        Number(r.contracted_micros),
        r.charge_class,
      ]),
    ).toEqual([
      [12_345_678, 100_000, 12_345_678, 12_345_678, null],
      [12_345_678, 100_000, 12_345_678, 12_345_678, null],
    ]);
    expect(
      ((await knex.migrate.list(config)) as [Array<{ name: string }>])[0].map(
        m => m.name,
      ),
    ).toContain(FOCUS_MONEY);

    await knex.migrate.down(config);
    expect(await knex.schema.hasColumn('cost_charges', 'billed_micros')).toBe(
      false,
    );
    expect(await knex.schema.hasColumn('cost_daily', 'team_tag_key')).toBe(
      false,
    );
    // Every row is still there after the way down.
    expect(await tagsIn(knex, 'cost_daily')).toEqual(['payments', null]);
  });
});
