import { InputError } from '@backstage/errors';

/**
 * Turns a `gogidix.io/alert-selector` value (`service=payments-service,
 * team!=qa`) into Alertmanager API v2 `filter` matchers
 * (`service="payments-service"`). Label names follow Prometheus's rules so a
 * stray character cannot change the meaning of the query.
 */
export function alertFilters(selector: string): string[] {
  return selector
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      const match = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*(.*)$/.exec(
        part,
      );
      if (!match) {
        throw new InputError(
          `Alert selector "${part}" is not label=value (also !=, =~, !~)`,
        );
      }
      const [, label, operator, rawValue] = match;
      const value = rawValue.trim().replace(/^"(.*)"$/, '$1');
      return `${label}${operator}${JSON.stringify(value)}`;
    });
}
