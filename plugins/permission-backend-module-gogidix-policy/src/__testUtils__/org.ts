import { Entity } from '@backstage/catalog-model';

/**
 * A small organisation as the catalog stores it (relations filled in):
 * engineering > platform, sre, platform-admins, product > web;
 * alex leads product.
 */
export function orgGroups(): Entity[] {
  const tree: Record<string, { parent?: string; lead?: string }> = {
    engineering: { lead: 'user:default/amara' },
    platform: { parent: 'engineering', lead: 'user:default/lars' },
    sre: { parent: 'engineering' },
    'platform-admins': { parent: 'engineering' },
    'admin-helpers': { parent: 'platform-admins' },
    product: { parent: 'engineering', lead: 'user:default/alex' },
    web: { parent: 'product' },
  };
  return Object.entries(tree).map(([name, { parent, lead }]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      namespace: 'default',
      annotations: Object.fromEntries(lead ? [['gogidix.io/lead', lead]] : []),
    },
    spec: { type: 'team', children: [] },
    relations: [
      ...(parent
        ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
        : []),
      ...Object.entries(tree)
        .filter(([, child]) => child.parent === name)
        .map(([child]) => ({
          type: 'parentOf',
          targetRef: `group:default/${child}`,
        })),
    ],
  }));
}
