import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';

interface GroupNode {
  parents: string[];
  children: string[];
}

/**
 * The catalog's groups as a tree (parent and children relations) with each
 * group's manager, as read at one moment.
 */
export class GroupTree {
  private constructor(
    private readonly nodes: Map<string, GroupNode>,
    private readonly leads: Map<string, string[]>,
  ) {}

  static fromEntities(groups: Entity[], managerAnnotation: string): GroupTree {
    const nodes = new Map<string, GroupNode>();
    const leads = new Map<string, string[]>();
    for (const group of groups) {
      const ref = stringifyEntityRef(group);
      const related = (type: string) =>
        (group.relations ?? [])
          .filter(r => r.type === type)
          .map(r => r.targetRef);
      nodes.set(ref, {
        parents: related(RELATION_CHILD_OF),
        children: related(RELATION_PARENT_OF),
      });
      const lead = group.metadata.annotations?.[managerAnnotation];
      if (lead) {
        leads.set(lead, [...(leads.get(lead) ?? []), ref]);
      }
    }
    return new GroupTree(nodes, leads);
  }

  /** The groups given and every group below them. */
  below(refs: Iterable<string>): Set<string> {
    return this.walk(refs, node => node.children);
  }

  /** The groups given and every group above them. */
  above(refs: Iterable<string>): Set<string> {
    return this.walk(refs, node => node.parents);
  }

  /** The groups whose manager annotation names this user. */
  ledBy(userRef: string): string[] {
    return this.leads.get(userRef) ?? [];
  }

  get size(): number {
    return this.nodes.size;
  }

  private walk(
    start: Iterable<string>,
    next: (node: GroupNode) => string[],
  ): Set<string> {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const ref = queue.pop()!;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const node = this.nodes.get(ref);
      if (node) queue.push(...next(node));
    }
    return seen;
  }
}
