import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogDependencySource } from './CatalogDependencySource';

const component = (
  name: string,
  owner: string,
  dependsOn: string[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, lifecycle: 'production' },
  relations: [
    { type: 'ownedBy', targetRef: `group:default/${owner}` },
    ...dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
  ],
});

describe('CatalogDependencySource', () => {
  const entities = [
    component('api-gateway', 'platform', [
      'component:default/identity-service',
      'component:default/listings-service',
      'resource:default/redis-cache',
    ]),
    component('identity-service', 'platform', ['resource:default/redis-cache']),
    component('listings-service', 'listings', [
      'component:default/media-service',
    ]),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'gateway-config', namespace: 'default' },
      spec: { type: 'bucket', owner: 'platform' },
      relations: [
        { type: 'ownedBy', targetRef: 'group:default/platform' },
        { type: 'dependsOn', targetRef: 'component:default/search-service' },
      ],
    },
  ];
  const source = () => {
    const catalog = catalogServiceMock({ entities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    return {
      getEntities,
      source: new CatalogDependencySource({
        catalog,
        auth: mockServices.auth(),
        maxAgeMs: 60_000,
      }),
    };
  };

  it.each([
    [
      "a team's components' dependencies, once each, whoever owns them",
      ['user:default/jane', 'group:default/platform'],
      [
        'component:default/identity-service',
        'component:default/listings-service',
        'resource:default/redis-cache',
      ],
    ],
    [
      'several teams',
      ['group:default/listings', 'group:default/platform'],
      [
        'component:default/identity-service',
        'component:default/listings-service',
        'component:default/media-service',
        'resource:default/redis-cache',
      ],
    ],
    ['a team that owns nothing', ['group:default/web'], []],
    ['nobody', [], []],
  ])('%s', async (_, owners, expected) => {
    expect(await source().source.of(owners)).toEqual(expected);
  });

  it('asks the catalog once for the same owners, in any order', async () => {
    const { source: dependencies, getEntities } = source();
    await dependencies.of(['group:default/platform', 'user:default/jane']);
    await dependencies.of(['user:default/jane', 'group:default/platform']);
    expect(getEntities).toHaveBeenCalledTimes(1);
  });
});
