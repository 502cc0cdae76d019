import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The full ref of the system an entity's `spec.system` names
 * (`system:default/marketplace`), from any form the catalog accepts:
 * `marketplace`, `default/marketplace` or `system:default/marketplace`
 * (templates write the full ref, hand-written files the name). The
 * namespace defaults to the entity's; lower case, as the catalog compares
 * refs. Throws on an unreadable ref.
 */
export function systemRef(
  system: string,
  options: { defaultNamespace?: string } = {},
): string {
  return stringifyEntityRef(
    parseEntityRef(system.trim(), {
      defaultKind: 'system',
      defaultNamespace: options.defaultNamespace ?? 'default',
    }),
  );
}
