import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ALERT_SELECTOR_ANNOTATION } from '@gogidix/plugin-oncall-common';

/**
 * Which entity owns the alerts of each service: an entity whose
 * `gogidix.io/alert-selector` has the equality term `<serviceLabel>=<value>`
 * claims that value. A value claimed by two entities is left out, since the
 * page could not say which one an alert belongs to.
 */
export function serviceEntities(
  entities: Entity[],
  serviceLabel: string,
): Map<string, string> {
  const claims = new Map<string, Set<string>>();
  for (const entity of entities) {
    const selector = entity.metadata.annotations?.[ALERT_SELECTOR_ANNOTATION];
    for (const term of selector?.split(',') ?? []) {
      const match =
        /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=(?![~=])\s*"?([^"]*?)"?\s*$/.exec(
          term,
        );
      if (match && match[1] === serviceLabel) {
        const refs = claims.get(match[2]) ?? new Set<string>();
        refs.add(stringifyEntityRef(entity));
        claims.set(match[2], refs);
      }
    }
  }
  return new Map(
    [...claims]
      .filter(([, refs]) => refs.size === 1)
      .map(([service, refs]) => [service, [...refs][0]]),
  );
}
