import {
  Entity,
  RELATION_CHILD_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ownerTeamRef } from './ownerTeamRef';

/** A group and the group it sits under, as full refs. */
export interface GroupNode {
  ref: string;
  parent?: string;
}

/** A catalog group entity as a node of the org tree. */
export function toGroupNode(entity: Entity): GroupNode {
  const parent = entity.relations?.find(r => r.type === RELATION_CHILD_OF);
  return {
    ref: stringifyEntityRef(entity),
    parent: parent ? ownerTeamRef(parent.targetRef) : undefined,
  };
}

/**
 * The teams a person or a group page speaks for: the given groups and every
 * group below them, each once, parents before their children. A group lead
 * who is a member of `engineering` only thereby sees every team under it.
 * Refs that are not groups (the user's own ref) are dropped.
 */
export function teamsBelow(roots: string[], groups: GroupNode[]): string[] {
  const children = new Map<string, string[]>();
  for (const group of groups) {
    if (group.parent) {
      children.set(group.parent, [
        ...(children.get(group.parent) ?? []),
        group.ref,
      ]);
    }
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const queue = roots
    .filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    )
    .map(ref => ownerTeamRef(ref));
  while (queue.length) {
    const ref = queue.shift()!;
    // A parent cycle in bad catalog data must not loop forever.
    if (seen.has(ref)) continue;
    seen.add(ref);
    result.push(ref);
    queue.push(...(children.get(ref) ?? []).sort());
  }
  return result;
}

/**
 * Whom a person speaks for when they ask for "their" services: their own
 * ref and any other non-group refs as given, and their groups with every
 * group below them (`teamsBelow`).
 */
export function ownersWithTeamsBelow(
  ownershipEntityRefs: string[],
  groups: GroupNode[],
): string[] {
  return [
    ...ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') !== 'group',
    ),
    ...teamsBelow(ownershipEntityRefs, groups),
  ];
}
