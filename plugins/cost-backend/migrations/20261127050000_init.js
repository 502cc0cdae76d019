// @ts-check

/**
 * Charges from FOCUS exports, grouped into imports (one per billing account
 * and billing period, so re-importing a period replaces it), and OpenCost
 * allocations per day, namespace and workload.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_imports', table => {
    table.increments('id');
    table.string('billing_account_id').notNullable();
    table.string('billing_period_start', 10).notNullable();
    table.integer('rows').notNullable();
    table.double('cost').notNullable();
    table.string('currency', 3).notNullable();
    table.string('source').notNullable();
    table.timestamp('imported_at').notNullable().defaultTo(knex.fn.now());
    table.unique(['billing_account_id', 'billing_period_start']);
  });
  await knex.schema.createTable('cost_charges', table => {
    table.bigIncrements('id');
    table
      .integer('import_id')
      .notNullable()
      .references('id')
      .inTable('cost_imports')
      .onDelete('CASCADE');
    table.string('charge_date', 10).notNullable();
    table.string('service_category').notNullable();
    table.string('service_name').notNullable();
    table.string('charge_category').notNullable();
    table.string('resource_id', 1024);
    table.string('resource_name', 1024);
    // The raw attribution keys; the catalog maps them to owners at read
    // time so that a catalog change needs no re-import.
    table.string('service_tag');
    table.string('team_tag');
    table.string('namespace');
    table.string('workload');
    table.double('billed_cost').notNullable();
    table.double('effective_cost').notNullable();
    table.index(['charge_date'], 'cost_charges_date_idx');
    table.index(['import_id'], 'cost_charges_import_idx');
  });
  await knex.schema.createTable('cost_allocations', table => {
    table.increments('id');
    table.string('date', 10).notNullable();
    table.string('namespace').notNullable();
    // '' when the workload label is missing: NULLs would defeat the unique key.
    table.string('workload').notNullable();
    table.double('window_hours').notNullable();
    table.double('cpu_core_request_average').notNullable();
    table.double('cpu_core_usage_average').notNullable();
    table.double('cpu_cost').notNullable();
    table.double('ram_byte_request_average').notNullable();
    table.double('ram_byte_usage_average').notNullable();
    table.double('ram_cost').notNullable();
    table.double('gpu_hours').notNullable();
    table.double('gpu_cost').notNullable();
    table.double('gpu_usage_average');
    table.double('total_cost').notNullable();
    table.unique(['date', 'namespace', 'workload']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_allocations');
  await knex.schema.dropTable('cost_charges');
  await knex.schema.dropTable('cost_imports');
};
