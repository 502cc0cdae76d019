// @ts-check

/**
 * Money as finance reads it. Each charge keeps its four FOCUS costs (billed,
 * effective, list, contracted) as integer millionths of the currency unit,
 * exact where the float columns were not, with the ChargeClass, frequency
 * and pricing category that split an invoice; and the tag keys that
 * attribution read, so that unallocated cost can say which tag missed.
 *
 * Charges stored before kept no ListCost or ContractedCost: they read as
 * their billed cost (no savings claimed for them).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_charges', table => {
    table.string('charge_class');
    table.string('charge_frequency');
    table.string('pricing_category');
    table.bigInteger('billed_micros').notNullable().defaultTo(0);
    table.bigInteger('effective_micros').notNullable().defaultTo(0);
    table.bigInteger('list_micros').notNullable().defaultTo(0);
    table.bigInteger('contracted_micros').notNullable().defaultTo(0);
    table.string('service_tag_key');
    table.string('team_tag_key');
  });
  await knex('cost_charges').update({
    billed_micros: knex.raw('ROUND(billed_cost * 1000000)'),
    effective_micros: knex.raw('ROUND(effective_cost * 1000000)'),
    list_micros: knex.raw('ROUND(billed_cost * 1000000)'),
    contracted_micros: knex.raw('ROUND(billed_cost * 1000000)'),
  });
  await knex.schema.alterTable('cost_daily', table => {
    table.string('service_tag_key');
    table.string('team_tag_key');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cost_daily', table => {
    table.dropColumns('service_tag_key', 'team_tag_key');
  });
  await knex.schema.alterTable('cost_charges', table => {
    table.dropColumns(
      'charge_class',
      'charge_frequency',
      'pricing_category',
      'billed_micros',
      'effective_micros',
      'list_micros',
      'contracted_micros',
      'service_tag_key',
      'team_tag_key',
    );
  });
};
