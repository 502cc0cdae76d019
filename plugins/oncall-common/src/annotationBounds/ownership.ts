import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The full ref of the entity's owner (`group:default/payments`), or
 * undefined when `spec.owner` is missing or unreadable. An entity with no
 * readable owner owns nothing, so every bounded annotation is refused.
 */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) {
    return undefined;
  }
  try {
    // Refs compare case-insensitively in the catalog; so do owners here.
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLowerCase();
  } catch {
    return undefined;
  }
}

/** The owner's name (`payments`): what team prefixes and cost centres use. */
export function ownerNameOf(entity: Entity): string | undefined {
  const ref = ownerRefOf(entity);
  return ref && parseEntityRef(ref).name;
}
