import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';

/**
 * An entity as the path segments every backend route addresses it by,
 * `/entities/<kind>/<namespace>/<name>/...`: kind and namespace in lower
 * case (refs compare that way), each segment URL-encoded.
 * A string ref without kind or namespace is read as `component:default/x`.
 */
export function entityPath(entity: string | CompoundEntityRef): string {
  const { kind, namespace, name } =
    typeof entity === 'string'
      ? parseEntityRef(entity, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        })
      : entity;
  return [
    kind.toLocaleLowerCase('en-US'),
    namespace.toLocaleLowerCase('en-US'),
    name,
  ]
    .map(encodeURIComponent)
    .join('/');
}
