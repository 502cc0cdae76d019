import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The full ref of the team an owner names (`group:default/payments`), from
 * any form the catalog accepts in `spec.owner`: `payments`, `group:payments`,
 * `default/payments` or `group:default/payments`. The namespace defaults to
 * the owning entity's, as the catalog resolves it; a kind other than group
 * (an owning user) is kept. Refs are compared case-insensitively in the
 * catalog, so the result is lower case. Throws on an unreadable owner.
 */
export function ownerTeamRef(
  owner: string,
  options: { defaultNamespace?: string } = {},
): string {
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: options.defaultNamespace ?? 'default',
    }),
  );
}

/**
 * The full team ref of an entity's `spec.owner`, resolved in the entity's
 * namespace; undefined when the owner is missing or unreadable.
 */
export function entityOwnerTeamRef(entity: {
  metadata: { namespace?: string };
  spec?: unknown;
}): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  try {
    return ownerTeamRef(owner.trim(), {
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
  } catch {
    return undefined;
  }
}
