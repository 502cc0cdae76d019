import { orgGroups } from '../__testUtils__/org';
import { GroupTree } from './GroupTree';

describe('GroupTree', () => {
  const tree = GroupTree.fromEntities(orgGroups(), 'gogidix.io/lead');

  it('walks down to every group below, and up to every group above', () => {
    expect([...tree.below(['group:default/product'])].sort()).toEqual([
      'group:default/product',
      'group:default/web',
    ]);
    expect([...tree.above(['group:default/admin-helpers'])].sort()).toEqual([
      'group:default/admin-helpers',
      'group:default/engineering',
      'group:default/platform-admins',
    ]);
    expect(tree.below(['group:default/engineering']).size).toBe(7);
  });

  it('finds the groups a user leads from the annotation', () => {
    expect(tree.ledBy('user:default/alex')).toEqual(['group:default/product']);
    expect(tree.ledBy('user:default/jane')).toEqual([]);
  });

  it('keeps walking a cycle in the catalog to an end', () => {
    const [a, b] = orgGroups().slice(0, 2);
    a.relations = [{ type: 'parentOf', targetRef: 'group:default/platform' }];
    b.relations = [
      { type: 'parentOf', targetRef: 'group:default/engineering' },
    ];
    const cyclic = GroupTree.fromEntities([a, b], 'gogidix.io/lead');
    expect(cyclic.below(['group:default/engineering']).size).toBe(2);
  });
});
