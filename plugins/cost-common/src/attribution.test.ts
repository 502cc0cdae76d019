import {
  attributionKeyFromTags,
  CostAttributionIndex,
  CostComponent,
  DEFAULT_COST_TAG_KEYS,
  unallocatedReason,
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

const keyOf = (
  serviceTag: string | null,
  teamTag: string | null,
  namespace: string | null = null,
  workload: string | null = null,
  serviceTagKey: string | null = null,
  teamTagKey: string | null = null,
) => ({
  serviceTag,
  teamTag,
  namespace,
  workload,
  serviceTagKey,
  teamTagKey,
});

describe('attributionKeyFromTags with the default keys', () => {
  it.each([
    ['no tags', {}, keyOf(null, null)],
    [
      'plain keys',
      {
        service: 'a',
        team: 'b',
        'kubernetes-namespace': 'c',
        'app.kubernetes.io/name': 'd',
      },
      keyOf('a', 'b', 'c', 'd', 'service', 'team'),
    ],
    [
      'the other plain keys and EKS split cost labels',
      {
        app: 'a',
        'cost-center': 'b',
        'aws:eks:namespace': 'c',
        'aws:eks:workload-name': 'd',
      },
      keyOf('a', 'b', 'c', 'd', 'app', 'cost-center'),
    ],
    [
      'a blank value',
      { service: ' ', app: 'x' },
      keyOf('x', null, null, null, 'app'),
    ],
    [
      'component as the service key',
      { component: 'listings-service' },
      keyOf('listings-service', null, null, null, 'component'),
    ],
    [
      'provider-prefixed user tags',
      { 'user:service': 'a', 'user:team': 'b' },
      keyOf('a', 'b', null, null, 'user:service', 'user:team'),
    ],
    [
      'an organisation prefix',
      { 'gogidix:service': 'a', 'gogidix:team': 'b' },
      keyOf('a', 'b', null, null, 'gogidix:service', 'gogidix:team'),
    ],
    [
      'keys in another case',
      { Service: 'a', 'Gogidix:Team': 'b' },
      keyOf('a', 'b', null, null, 'Service', 'Gogidix:Team'),
    ],
    [
      'a plain key before a prefixed one, user: before any other prefix',
      { 'gogidix:team': 'org', 'user:team': 'user', team: 'plain' },
      keyOf(null, 'plain', null, null, null, 'team'),
    ],
    [
      'user: before an organisation prefix',
      { 'gogidix:team': 'org', 'user:team': 'user' },
      keyOf(null, 'user', null, null, null, 'user:team'),
    ],
    [
      'not two segments of prefix',
      { 'aws:cloudformation:team': 'x' },
      keyOf(null, null),
    ],
  ])('%s', (_, tags, expected) => {
    expect(attributionKeyFromTags(tags)).toEqual(expected);
  });
});

describe('attributionKeyFromTags with configured keys', () => {
  const keys = {
    ...DEFAULT_COST_TAG_KEYS,
    service: ['svc'],
    team: ['squad'],
    prefixes: ['acme'],
  };
  it.each([
    [
      'a configured plain key',
      { svc: 'a', squad: 'b' },
      keyOf('a', 'b', null, null, 'svc', 'squad'),
    ],
    [
      'a configured prefix',
      { 'acme:svc': 'a' },
      keyOf('a', null, null, null, 'acme:svc'),
    ],
    [
      'no other prefix when * is left out',
      { 'other:svc': 'a' },
      keyOf(null, null),
    ],
    [
      'no default key once configured',
      { service: 'a', team: 'b' },
      keyOf(null, null),
    ],
  ])('%s', (_, tags, expected) => {
    expect(attributionKeyFromTags(tags, keys)).toEqual(expected);
  });
});

describe('unallocatedReason', () => {
  it.each([
    [
      keyOf('old-api', null, null, null, 'gogidix:service'),
      "tag gogidix:service = 'old-api' names no catalog component",
    ],
    [
      keyOf(null, 'group:default/marketing', 'kube-system', null, null, 'team'),
      "tag team = 'group:default/marketing' names no catalog team; namespace 'kube-system' belongs to no catalog component",
    ],
    [
      keyOf(null, null, 'batch', 'nightly'),
      "workload 'nightly' in namespace 'batch' is no component's kubernetes-id; namespace 'batch' belongs to no catalog component",
    ],
    [
      keyOf(null, null),
      'no service, team, namespace or workload tag (keys in cost.attribution)',
    ],
  ])('%j', (k, reason) => {
    expect(unallocatedReason(k)).toBe(reason);
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
        reason:
          "tag team = 'marketing' names no catalog team; namespace 'kube-system' belongs to no catalog component",
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
        reason:
          'no service, team, namespace or workload tag (keys in cost.attribution)',
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
