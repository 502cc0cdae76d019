import {
  attributionKeyFromTags,
  CostAttributionIndex,
  CostComponent,
} from './attribution';

const components: CostComponent[] = [
  {
    entityRef: 'component:default/valuation-model',
    name: 'valuation-model',
    team: 'ai',
    system: 'ai-services',
    kubernetesId: 'valuation-model',
    kubernetesNamespace: 'ai',
  },
  {
    entityRef: 'component:default/listings-service',
    name: 'listings-service',
    team: 'listings',
    system: 'property-marketplace',
    kubernetesId: 'listings-api',
    kubernetesNamespace: 'listings',
  },
];
const index = new CostAttributionIndex(components, ['ai', 'listings', 'sre']);

describe('attributionKeyFromTags', () => {
  it.each([
    [{}, { serviceTag: null, teamTag: null, namespace: null, workload: null }],
    [
      {
        service: 'a',
        team: 'b',
        'kubernetes-namespace': 'c',
        'app.kubernetes.io/name': 'd',
      },
      { serviceTag: 'a', teamTag: 'b', namespace: 'c', workload: 'd' },
    ],
    [
      {
        app: 'a',
        'cost-center': 'b',
        'aws:eks:namespace': 'c',
        'aws:eks:workload-name': 'd',
      },
      { serviceTag: 'a', teamTag: 'b', namespace: 'c', workload: 'd' },
    ],
    [
      { service: ' ', app: 'x' },
      { serviceTag: 'x', teamTag: null, namespace: null, workload: null },
    ],
  ])('%j', (tags, key) => {
    expect(attributionKeyFromTags(tags)).toEqual(key);
  });
});

describe('CostAttributionIndex.attribute', () => {
  const none = {
    serviceTag: null,
    teamTag: null,
    namespace: null,
    workload: null,
  };
  it.each([
    [
      'a service tag naming a component',
      { ...none, serviceTag: 'valuation-model', teamTag: 'wrong' },
      {
        entityRef: 'component:default/valuation-model',
        team: 'ai',
        system: 'ai-services',
        rule: 'service-tag',
      },
    ],
    [
      'a workload label in its namespace',
      { ...none, namespace: 'listings', workload: 'listings-api' },
      {
        entityRef: 'component:default/listings-service',
        team: 'listings',
        system: 'property-marketplace',
        rule: 'workload-label',
      },
    ],
    [
      'a workload label in another namespace falls back to the namespace',
      { ...none, namespace: 'ai', workload: 'listings-api' },
      { entityRef: null, team: 'ai', system: null, rule: 'namespace' },
    ],
    [
      'an unknown service with a known team tag',
      { ...none, serviceTag: 'batch-42', teamTag: 'sre' },
      { entityRef: null, team: 'sre', system: null, rule: 'team-tag' },
    ],
    [
      'an unknown team tag and an unknown namespace',
      { ...none, teamTag: 'marketing', namespace: 'kube-system' },
      {
        entityRef: null,
        team: 'unallocated',
        system: null,
        rule: 'unallocated',
      },
    ],
    [
      'nothing at all',
      none,
      {
        entityRef: null,
        team: 'unallocated',
        system: null,
        rule: 'unallocated',
      },
    ],
  ])('%s', (_, key, expected) => {
    expect(index.attribute(key)).toEqual(expected);
  });

  it('knows teams from groups and from components', () => {
    expect(new CostAttributionIndex(components, ['web']).teams).toEqual([
      'ai',
      'listings',
      'web',
    ]);
  });
});
