// @ts-check

/**
 * SLO definitions read from the catalog (with the latest evaluation for the
 * org page), hourly snapshots for burn-down charts, daily rows for the
 * 90-day trend, and SLI observations for the embedded (no-Prometheus) source.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_definitions', table => {
    table.string('slo_id').primary();
    table.string('entity_ref').notNullable().index();
    table.string('owner').notNullable().index();
    table.string('system');
    table.string('tier');
    table.text('definition').notNullable();
    table.text('latest');
    table.bigInteger('latest_at');
    table.string('status');
    table.double('burn_rate_1h');
  });
  await knex.schema.createTable('slo_snapshots', table => {
    table.string('slo_id').notNullable();
    table.bigInteger('at').notNullable();
    table.text('evaluation').notNullable();
    table.primary(['slo_id', 'at']);
  });
  await knex.schema.createTable('slo_daily', table => {
    table.string('slo_id').notNullable();
    table.string('day', 10).notNullable().index();
    table.string('status').notNullable();
    table.double('budget_remaining');
    // Copied from the definition so the org trend needs no join.
    table.string('owner').notNullable();
    table.string('tier');
    table.primary(['slo_id', 'day']);
  });
  await knex.schema.createTable('slo_observations', table => {
    table.string('slo_id').notNullable();
    table.bigInteger('ts').notNullable().index();
    table.double('good').notNullable();
    table.double('total').notNullable();
    table.primary(['slo_id', 'ts']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_observations');
  await knex.schema.dropTable('slo_daily');
  await knex.schema.dropTable('slo_snapshots');
  await knex.schema.dropTable('slo_definitions');
};
