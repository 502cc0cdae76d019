// @ts-check

/**
 * Daily cost per service category and attribution keys across all accounts:
 * what every cost page reads. Rebuilt from cost_charges for the days an
 * import touches, in the import's transaction, so pages need not aggregate
 * millions of charges on each request.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_daily', table => {
    table.string('charge_date', 10).notNullable();
    table.string('service_category').notNullable();
    table.string('service_tag');
    table.string('team_tag');
    table.string('namespace');
    table.string('workload');
    table.double('cost').notNullable();
    table.index(['charge_date'], 'cost_daily_date_idx');
  });
  await knex('cost_daily').insert(
    knex('cost_charges')
      .select(
        'charge_date',
        'service_category',
        'service_tag',
        'team_tag',
        'namespace',
        'workload',
      )
      .sum({ cost: 'effective_cost' })
      .groupBy(
        'charge_date',
        'service_category',
        'service_tag',
        'team_tag',
        'namespace',
        'workload',
      ),
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_daily');
};
