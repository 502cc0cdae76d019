import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AlertMatcher,
  boundAlertMatchers,
} from '@gogidix/plugin-oncall-common';

/**
 * Turns a `gogidix.io/alert-selector` value (`service=payments-service,
 * team!=qa`) into matchers. Label names follow Prometheus's rules so a stray
 * character cannot change the meaning of the query.
 */
export function parseAlertSelector(selector: string): AlertMatcher[] {
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
      return { label, operator: operator as AlertMatcher['operator'], value };
    });
}

/** Matchers as Alertmanager API v2's `filter` parameter spells them. */
export function alertFilters(selector: string): string[] {
  return parseAlertSelector(selector).map(formatMatcher);
}

function formatMatcher(m: AlertMatcher): string {
  return `${m.label}${m.operator}${JSON.stringify(m.value)}`;
}

/**
 * The Alertmanager API v2 `filter` matchers for one entity
 * (`service="payments-service"`): always bound to the entity's own service,
 * whatever the annotation says; a term that would widen it is refused.
 */
export function entityAlertFilters(
  selector: string | undefined,
  bound: { serviceLabel: string; service: string; annotation: string },
): string[] {
  const verdict = boundAlertMatchers(
    selector ? parseAlertSelector(selector) : [],
    bound,
  );
  if (verdict.status === 'refused') {
    throw new NotAllowedError(verdict.reason);
  }
  return verdict.matchers.map(formatMatcher);
}
