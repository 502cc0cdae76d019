// @ts-check

/**
 * Campaign progress per team and day, so each caller's history adds up
 * only the teams they may read. The org-wide rows cannot be split by team:
 * they are dropped and the history fills again with each day's round.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTable('compliance_campaign_daily');
  await knex.schema.createTable('compliance_campaign_daily', table => {
    table.string('campaign_id').notNullable();
    table.string('day', 10).notNullable();
    table.string('team').notNullable();
    table.integer('passing').notNullable();
    table.integer('total').notNullable();
    table.primary(['campaign_id', 'day', 'team']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('compliance_campaign_daily');
  await knex.schema.createTable('compliance_campaign_daily', table => {
    table.string('campaign_id').notNullable();
    table.string('day', 10).notNullable();
    table.integer('passing').notNullable();
    table.integer('total').notNullable();
    table.primary(['campaign_id', 'day']);
  });
};
