// @ts-check

/**
 * Each service's figures of one period, kept so the team and org pages do
 * not read and judge every event of both periods on each request.
 * `delivery_service_versions` counts the writes of each service's events;
 * a rollup is used only while its `version` is still the service's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_service_versions', table => {
    table.string('entity_ref').primary();
    table.integer('version').notNullable();
  });
  await knex.schema.createTable('delivery_period_rollups', table => {
    table.string('entity_ref').notNullable();
    // The period, the one before and how events were judged, as one text.
    table.string('period_key', 255).notNullable();
    // The period's end (ISO 8601), so that past periods can be dropped.
    table.string('period_to', 32).notNullable();
    table.integer('version').notNullable();
    // Counts and day counts as JSON; null when the service had no event.
    table.text('summary');
    // The median samples as 64-bit floats: exact, and quick to read.
    table.binary('samples');
    table.primary(['entity_ref', 'period_key']);
    table.index(['period_to'], 'delivery_period_rollups_to_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_period_rollups');
  await knex.schema.dropTable('delivery_service_versions');
};
