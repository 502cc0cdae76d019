// The relations the catalog derives from the generated entities (the same
// pairs as Backstage's built-in processor), computed here so that a test can
// check every reference resolves and the loader can tell when the catalog
// has stitched them.
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** `type target-ref`, e.g. `ownedBy group:default/payments-atlas-01`. */
export type RelationText = string;

const FIELDS: Array<{
  field: string;
  defaultKind: string;
  kinds?: string[];
  forward: string;
  inverse: string;
}> = [
  {
    field: 'owner',
    defaultKind: 'group',
    forward: 'ownedBy',
    inverse: 'ownerOf',
  },
  {
    field: 'system',
    defaultKind: 'system',
    forward: 'partOf',
    inverse: 'hasPart',
  },
  {
    field: 'domain',
    defaultKind: 'domain',
    forward: 'partOf',
    inverse: 'hasPart',
  },
  {
    field: 'dependsOn',
    defaultKind: 'component',
    forward: 'dependsOn',
    inverse: 'dependencyOf',
  },
  {
    field: 'providesApis',
    defaultKind: 'api',
    forward: 'providesApi',
    inverse: 'apiProvidedBy',
  },
  {
    field: 'consumesApis',
    defaultKind: 'api',
    forward: 'consumesApi',
    inverse: 'apiConsumedBy',
  },
  {
    field: 'memberOf',
    defaultKind: 'group',
    forward: 'memberOf',
    inverse: 'hasMember',
  },
  {
    field: 'parent',
    defaultKind: 'group',
    kinds: ['Group'],
    forward: 'childOf',
    inverse: 'parentOf',
  },
];

/** Every relation of every entity, both directions, by entity ref. */
export function expectedRelations(
  entities: Entity[],
): Map<string, Set<RelationText>> {
  const out = new Map<string, Set<RelationText>>();
  const add = (from: string, type: string, to: string) => {
    if (!out.has(from)) out.set(from, new Set());
    out.get(from)!.add(`${type} ${to}`);
  };
  for (const e of entities) {
    const ref = stringifyEntityRef(e);
    const spec = (e.spec ?? {}) as Record<string, unknown>;
    for (const f of FIELDS) {
      if (f.kinds && !f.kinds.includes(e.kind)) continue;
      const value = spec[f.field];
      if (value === undefined) continue;
      for (const target of Array.isArray(value) ? value : [value]) {
        const targetRef = stringifyEntityRef(
          parseEntityRef(String(target), {
            defaultKind: f.defaultKind,
            defaultNamespace: 'default',
          }),
        );
        add(ref, f.forward, targetRef);
        add(targetRef, f.inverse, ref);
      }
    }
  }
  return out;
}

/** References that name no generated entity: `<from> <field> <ref>`. */
export function danglingReferences(entities: Entity[]): string[] {
  const known = new Set(entities.map(e => stringifyEntityRef(e)));
  const dangling: string[] = [];
  for (const [from, relations] of expectedRelations(entities)) {
    // A missing entity shows up as the target of its referrer's relation.
    if (!known.has(from)) continue;
    for (const relation of relations) {
      const to = relation.split(' ')[1];
      if (!known.has(to)) dangling.push(`${from} ${relation}`);
    }
  }
  return dangling;
}
