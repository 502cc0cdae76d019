// @ts-check

/**
 * The events delivery metrics are computed from, one table per kind, each
 * keyed by the id its source gives it so that reading a source again
 * updates rows rather than adding them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_deployments', table => {
    table.string('id', 512).primary();
    table.string('source', 32).notNullable();
    table.string('entity_ref').notNullable();
    table.string('environment').notNullable();
    table.string('status', 32).notNullable();
    table.string('sha', 64).notNullable();
    // ISO 8601 in UTC: compared as text, the same on SQLite and PostgreSQL.
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32);
    table.string('rollback_of', 512);
    // The commits shipped, as JSON: always read with their deployment.
    table.text('commits').notNullable();
    table.index(
      ['entity_ref', 'started_at'],
      'delivery_deployments_entity_idx',
    );
    table.index(['started_at'], 'delivery_deployments_started_idx');
  });
  await knex.schema.createTable('delivery_incidents', table => {
    table.string('id', 512).primary();
    table.string('source', 32).notNullable();
    table.string('entity_ref').notNullable();
    table.text('title').notNullable();
    table.string('urgency', 8).notNullable();
    table.string('triggered_at', 32).notNullable();
    table.string('acknowledged_at', 32);
    table.string('resolved_at', 32);
    table.index(
      ['entity_ref', 'triggered_at'],
      'delivery_incidents_entity_idx',
    );
    table.index(['triggered_at'], 'delivery_incidents_triggered_idx');
  });
  await knex.schema.createTable('delivery_alerts', table => {
    table.string('id', 512).primary();
    table.string('entity_ref').notNullable();
    table.string('alertname').notNullable();
    table.string('severity').notNullable();
    table.string('starts_at', 32).notNullable();
    table.string('ends_at', 32);
    table.index(['entity_ref', 'starts_at'], 'delivery_alerts_entity_idx');
    table.index(['starts_at'], 'delivery_alerts_starts_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_alerts');
  await knex.schema.dropTable('delivery_incidents');
  await knex.schema.dropTable('delivery_deployments');
};
