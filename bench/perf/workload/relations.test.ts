import { Entity } from '@backstage/catalog-model';
import { danglingReferences, expectedRelations } from './relations';

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

const team = entity('Group', 'team-a', { type: 'team', parent: 'org' });
const org = entity('Group', 'org', {
  type: 'organization',
  children: ['team-a'],
});
const system = entity('System', 'shop', { owner: 'team-a' });
const api = entity('API', 'cart-api', { owner: 'team-a', system: 'shop' });
const cart = entity('Component', 'cart', {
  owner: 'team-a',
  system: 'shop',
  providesApis: ['cart-api'],
  dependsOn: ['resource:cart-db'],
});
const db = entity('Resource', 'cart-db', { owner: 'group:default/team-a' });

describe('expectedRelations', () => {
  it('derives both directions, with full refs', () => {
    const relations = expectedRelations([team, org, system, api, cart, db]);
    expect([...relations.get('component:default/cart')!].sort()).toEqual([
      'dependsOn resource:default/cart-db',
      'ownedBy group:default/team-a',
      'partOf system:default/shop',
      'providesApi api:default/cart-api',
    ]);
    expect(relations.get('group:default/team-a')).toEqual(
      new Set([
        'childOf group:default/org',
        'ownerOf system:default/shop',
        'ownerOf api:default/cart-api',
        'ownerOf component:default/cart',
        'ownerOf resource:default/cart-db',
      ]),
    );
    expect(relations.get('api:default/cart-api')).toContain(
      'apiProvidedBy component:default/cart',
    );
  });
});

describe('danglingReferences', () => {
  it.each([
    ['a complete estate', [team, org, system, api, cart, db], []],
    [
      'a missing owner',
      [org, system, api, cart, db],
      expect.arrayContaining([
        'component:default/cart ownedBy group:default/team-a',
      ]),
    ],
    [
      'a missing dependency',
      [team, org, system, api, cart],
      ['component:default/cart dependsOn resource:default/cart-db'],
    ],
  ])('%s', (_, entities, dangling) => {
    expect(danglingReferences(entities as Entity[])).toEqual(dangling);
  });
});
