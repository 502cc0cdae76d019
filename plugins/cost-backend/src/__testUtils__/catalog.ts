import { Entity } from '@backstage/catalog-model';
import { DEMO_ESTATE } from '../demo/demoEstate';

/** Catalog entities shaped like demo/: one component per demo service. */
export function demoCatalogEntities(): Entity[] {
  const systems: Record<string, string> = {
    platform: 'platform-infrastructure',
    sre: 'platform-infrastructure',
    listings: 'property-marketplace',
    search: 'property-marketplace',
    web: 'property-marketplace',
    payments: 'payments-platform',
    ai: 'ai-services',
  };
  const services = new Map<string, string>();
  for (const r of DEMO_ESTATE) {
    if (r.service && r.team) services.set(r.service, r.team);
  }
  return [
    ...Object.keys(systems).map(name => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name, namespace: 'default' },
      spec: { type: 'team', children: [] },
    })),
    ...[...services].map(([name, team]) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'gogidix.io/cost-center': team,
          'backstage.io/kubernetes-id': name,
          'backstage.io/kubernetes-namespace': team,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: team,
        system: systems[team],
      },
    })),
  ];
}
