// @ts-check

/**
 * Trivy: a refused upload no longer replaces the last readable report; its
 * time, reason and sender are kept beside it (never its contents). The
 * misconfiguration and secret counts are stored with the vulnerabilities.
 * Facts may be pending (their source has not reported yet), and results
 * count the checks that are pending because of them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('compliance_trivy_reports', table => {
    table.text('misconfiguration_counts');
    table.text('secret_counts');
    table.string('rejected_at', 30);
    table.text('rejected_reason');
    table.text('rejected_source');
  });
  // A row holding only an error was a refused upload: keep it as one.
  await knex('compliance_trivy_reports')
    .whereNotNull('error')
    .update({
      rejected_at: knex.ref('received_at'),
      rejected_reason: knex.ref('error'),
      rejected_source: knex.ref('source'),
    });
  await knex.schema.alterTable('compliance_trivy_reports', table => {
    table.dropColumn('error');
  });
  await knex.schema.alterTable('compliance_facts', table => {
    table.text('pending');
  });
  for (const name of ['compliance_entity_results', 'compliance_daily']) {
    await knex.schema.alterTable(name, table => {
      table.integer('pending').notNullable().defaultTo(0);
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'compliance_facts',
    'compliance_entity_results',
    'compliance_daily',
  ]) {
    await knex.schema.alterTable(name, table => {
      table.dropColumn('pending');
    });
  }
  await knex.schema.alterTable('compliance_trivy_reports', table => {
    table.text('error');
  });
  await knex('compliance_trivy_reports')
    .whereNotNull('rejected_at')
    .whereNull('counts')
    .update({ error: knex.ref('rejected_reason') });
  await knex.schema.alterTable('compliance_trivy_reports', table => {
    table.dropColumn('misconfiguration_counts');
    table.dropColumn('secret_counts');
    table.dropColumn('rejected_at');
    table.dropColumn('rejected_reason');
    table.dropColumn('rejected_source');
  });
};
