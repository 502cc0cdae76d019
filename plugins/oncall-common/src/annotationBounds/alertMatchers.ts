/** One Alertmanager matcher, as `gogidix.io/alert-selector` spells it. */
export interface AlertMatcher {
  label: string;
  operator: '=' | '!=' | '=~' | '!~';
  value: string;
}

export type BoundAlertMatchers =
  | { status: 'bound'; matchers: AlertMatcher[] }
  | { status: 'refused'; reason: string };

/**
 * The matchers the portal sends for an entity: always
 * `<serviceLabel>="<service>"` first, then the selector's own terms, which
 * can only narrow it (Alertmanager ANDs matchers). A term on the service
 * label that could widen or replace the bound (a regex, or another value)
 * is refused rather than dropped, so the annotation's author learns why.
 */
export function boundAlertMatchers(
  terms: AlertMatcher[],
  bound: { serviceLabel: string; service: string; annotation: string },
): BoundAlertMatchers {
  const { serviceLabel, service, annotation } = bound;
  const own: AlertMatcher = {
    label: serviceLabel,
    operator: '=',
    value: service,
  };
  const narrowing: AlertMatcher[] = [];
  for (const term of terms) {
    if (term.label !== serviceLabel || term.operator === '!=') {
      narrowing.push(term);
    } else if (term.operator !== '=') {
      return {
        status: 'refused',
        reason: `${annotation} may not match ${serviceLabel} with ${term.operator}: the portal adds ${serviceLabel}="${service}" itself; remove that term`,
      };
    } else if (term.value !== service) {
      return {
        status: 'refused',
        reason: `${annotation} names ${serviceLabel}="${term.value}", but this entity's alerts are ${serviceLabel}="${service}"; remove the term or set it to "${service}"`,
      };
    }
  }
  return { status: 'bound', matchers: [own, ...narrowing] };
}
