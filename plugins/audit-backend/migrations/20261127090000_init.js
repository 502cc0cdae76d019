// @ts-check

/**
 * One row per audited action: written when the action starts (`initiated`)
 * and completed in place when the plugin reports success or failure.
 * Times are ISO 8601 UTC strings: they sort and compare the same on SQLite
 * and PostgreSQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('audit_events', table => {
    table.string('id', 36).primary();
    table.string('time', 30).notNullable();
    table.string('completed_at', 30);
    table.string('plugin').notNullable();
    table.string('event_id').notNullable();
    table.string('severity', 16).notNullable();
    table.string('outcome', 16).notNullable();
    table.string('actor');
    table.string('target', 1024);
    table.text('error');
    table.string('request_method', 16);
    table.text('request_url');
    table.text('meta');
    table.index(['time'], 'audit_events_time_idx');
    table.index(['plugin', 'event_id'], 'audit_events_action_idx');
    table.index(['actor'], 'audit_events_actor_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('audit_events');
};
