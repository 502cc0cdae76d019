// @ts-check

/**
 * The latest facts (with source and collection time), each round's results
 * per entity (checks and evidence as JSON), daily rows for the trends,
 * campaign progress per day, waivers, and the latest Trivy report per entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('compliance_facts', table => {
    table.string('entity_ref').notNullable();
    table.string('fact_id').notNullable();
    table.text('value');
    table.text('source').notNullable();
    table.string('collected_at', 30).notNullable();
    table.text('error');
    table.primary(['entity_ref', 'fact_id']);
  });
  await knex.schema.createTable('compliance_rounds', table => {
    table.increments('id');
    table.string('started_at', 30).notNullable();
    table.string('finished_at', 30).notNullable();
    table.integer('entities').notNullable();
    table.integer('checks').notNullable();
  });
  await knex.schema.createTable('compliance_entity_results', table => {
    table.integer('round_id').notNullable();
    table.string('entity_ref').notNullable();
    table.string('title');
    table.string('team').notNullable();
    table.string('system');
    table.string('level', 10).notNullable();
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('errors').notNullable();
    table.integer('waived').notNullable();
    table.text('checks').notNullable();
    table.primary(['round_id', 'entity_ref']);
    table.index(['round_id', 'team']);
  });
  await knex.schema.createTable('compliance_daily', table => {
    table.string('day', 10).notNullable();
    table.string('entity_ref').notNullable();
    table.string('team').notNullable();
    table.string('level', 10).notNullable();
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('errors').notNullable();
    table.integer('waived').notNullable();
    table.primary(['day', 'entity_ref']);
  });
  await knex.schema.createTable('compliance_campaign_daily', table => {
    table.string('campaign_id').notNullable();
    table.string('day', 10).notNullable();
    table.integer('passing').notNullable();
    table.integer('total').notNullable();
    table.primary(['campaign_id', 'day']);
  });
  await knex.schema.createTable('compliance_waivers', table => {
    table.string('id').primary();
    table.string('entity_ref').notNullable().index();
    table.string('check_id').notNullable();
    table.text('reason').notNullable();
    table.string('approver').notNullable();
    table.string('created_by').notNullable();
    table.string('created_at', 30).notNullable();
    table.string('expires_at', 30).notNullable();
  });
  await knex.schema.createTable('compliance_trivy_reports', table => {
    table.string('entity_ref').primary();
    table.text('artifact_name');
    table.string('scanned_at', 30);
    table.text('counts');
    table.text('source').notNullable();
    table.string('received_at', 30).notNullable();
    table.text('error');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'compliance_trivy_reports',
    'compliance_waivers',
    'compliance_campaign_daily',
    'compliance_daily',
    'compliance_entity_results',
    'compliance_rounds',
    'compliance_facts',
  ]) {
    await knex.schema.dropTable(table);
  }
};
