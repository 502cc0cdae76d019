import { InputError } from '@backstage/errors';

/** The fields of a Grafana `/api/search` hit a selector can test. */
export interface DashboardFields {
  title: string;
  tags: string[];
  folderTitle?: string;
}

type Clause = (d: DashboardFields) => boolean;

/**
 * Parses the community Grafana plugin's `grafana/dashboard-selector`
 * language, the subset teams use: `tags @> 'x'`, `title == 'x'`,
 * `folderTitle == 'x'` (and `!=`), joined with `&&` and `||` (`&&` binds
 * tighter). Anything else is refused with a message, never ignored.
 */
export function parseDashboardSelector(
  selector: string,
): (d: DashboardFields) => boolean {
  const alternatives = selector
    .split('||')
    .map(alternative => alternative.split('&&').map(parseClause));
  return d => alternatives.some(clauses => clauses.every(c => c(d)));
}

function parseClause(text: string): Clause {
  const match =
    /^\s*(tags|title|folderTitle)\s*(@>|==|!=)\s*'((?:[^'\\]|\\.)*)'\s*$/.exec(
      text,
    );
  if (!match) {
    throw new InputError(
      `Dashboard selector clause "${text.trim()}" is not one of tags @> '…', title == '…', folderTitle == '…'`,
    );
  }
  const [, field, operator, raw] = match;
  const value = raw.replace(/\\(.)/g, '$1');
  if (field === 'tags') {
    if (operator !== '@>') {
      throw new InputError(`Use tags @> '${value}' to match a tag`);
    }
    return d => d.tags.includes(value);
  }
  if (operator === '@>') {
    throw new InputError(`${field} takes == or !=, not @>`);
  }
  const get = (d: DashboardFields) =>
    field === 'title' ? d.title : d.folderTitle ?? '';
  return operator === '==' ? d => get(d) === value : d => get(d) !== value;
}
