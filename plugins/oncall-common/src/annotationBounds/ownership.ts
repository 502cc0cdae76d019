import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { entityOwnerTeamRef } from '@gogidix/portal-common';

/**
 * The full ref of the entity's owner (`group:default/payments`), or
 * undefined when `spec.owner` is missing or unreadable. An entity with no
 * readable owner owns nothing, so every bounded annotation is refused.
 * Refs compare case-insensitively in the catalog; so do owners here.
 */
export function ownerRefOf(entity: Entity): string | undefined {
  return entityOwnerTeamRef(entity)?.toLocaleLowerCase('en-US');
}

/** The owner's name (`payments`): what team prefixes and cost centres use. */
export function ownerNameOf(entity: Entity): string | undefined {
  const ref = ownerRefOf(entity);
  return ref && parseEntityRef(ref).name;
}
