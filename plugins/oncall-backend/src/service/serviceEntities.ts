import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Which entity owns the alerts of each service: an entity's alerts are
 * always those whose service label is the entity's name (the selector can
 * only narrow them), so that name links an alert to it. A name shared by
 * two entities (in two namespaces) is left out, since the page could not
 * say which one an alert belongs to.
 */
export function serviceEntities(entities: Entity[]): Map<string, string> {
  const claims = new Map<string, Set<string>>();
  for (const entity of entities) {
    const service = entity.metadata.name;
    const refs = claims.get(service) ?? new Set<string>();
    refs.add(stringifyEntityRef(entity));
    claims.set(service, refs);
  }
  return new Map(
    [...claims]
      .filter(([, refs]) => refs.size === 1)
      .map(([service, refs]) => [service, [...refs][0]]),
  );
}
