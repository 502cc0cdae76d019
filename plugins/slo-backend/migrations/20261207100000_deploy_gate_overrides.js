// @ts-check

/**
 * Deploy gate overrides: an on-call engineer or manager lets a service
 * deploy despite its error-budget policy until `expires_at` (Unix ms).
 * Rows are kept after they expire: they are the gate's history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_deploy_gate_overrides', table => {
    table.string('id').primary();
    table.string('entity_ref').notNullable();
    table.text('reason').notNullable();
    table.string('created_by').notNullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('expires_at').notNullable();
    table.index(['entity_ref', 'expires_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_deploy_gate_overrides');
};
