// @ts-check

const {
  parseEntityRef,
  stringifyEntityRef,
} = require('@backstage/catalog-model');

/**
 * Team tags as full group refs: `payments` becomes `group:default/payments`,
 * so that teams of one name in two namespaces are two teams. Imports store
 * tags this way from now on; this rewrites what was stored before. A tag
 * already in full form is left as it is, so running it again changes
 * nothing; a tag that is no ref at all is kept (it matches no team).
 */
const TABLES = ['cost_charges', 'cost_daily'];

/** @param {string} tag */
function teamRef(tag) {
  try {
    return stringifyEntityRef(
      parseEntityRef(tag.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return tag;
  }
}

/**
 * @param {import('knex').Knex} knex
 * @param {(tag: string) => string} rewrite
 */
async function rewriteTags(knex, rewrite) {
  for (const table of TABLES) {
    const tags = await knex(table)
      .distinct('team_tag')
      .whereNotNull('team_tag');
    for (const { team_tag: tag } of tags) {
      const next = rewrite(tag);
      if (next !== tag) {
        await knex(table).where({ team_tag: tag }).update({ team_tag: next });
      }
    }
  }
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await rewriteTags(knex, teamRef);
};

/**
 * Back to names for the default namespace, the only one the earlier code
 * read; refs in other namespaces stay refs.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const prefix = 'group:default/';
  await rewriteTags(knex, tag =>
    tag.startsWith(prefix) ? tag.slice(prefix.length) : tag,
  );
};
