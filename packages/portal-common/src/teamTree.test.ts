import { Entity } from '@backstage/catalog-model';
import {
  GroupNode,
  ownersWithTeamsBelow,
  teamsBelow,
  toGroupNode,
} from './teamTree';

// The demo organisation's shape: a department over teams, one team with a
// sub-team, and a group outside the department.
const org: GroupNode[] = [
  { ref: 'group:default/engineering' },
  { ref: 'group:default/platform', parent: 'group:default/engineering' },
  { ref: 'group:default/listings', parent: 'group:default/engineering' },
  { ref: 'group:default/platform-dx', parent: 'group:default/platform' },
  { ref: 'group:default/finance' },
];

describe('teamsBelow', () => {
  it.each([
    {
      why: 'a lead who is a member of the department gets every team below it, parents first',
      roots: ['user:default/amara.okafor', 'group:default/engineering'],
      want: [
        'group:default/engineering',
        'group:default/listings',
        'group:default/platform',
        'group:default/platform-dx',
      ],
    },
    {
      why: 'a team member gets their team and its sub-teams',
      roots: ['user:default/jane.doe', 'group:default/platform'],
      want: ['group:default/platform', 'group:default/platform-dx'],
    },
    {
      why: 'a leaf team is only itself',
      roots: ['group:default/listings'],
      want: ['group:default/listings'],
    },
    {
      why: 'short refs are read as groups in the default namespace, each once',
      roots: ['group:platform', 'group:default/platform-dx'],
      want: ['group:default/platform', 'group:default/platform-dx'],
    },
    {
      why: 'a user in no group has no teams',
      roots: ['user:default/nobody'],
      want: [],
    },
  ])('$why', ({ roots, want }) => {
    expect(teamsBelow(roots, org)).toEqual(want);
  });

  it('stops on a parent cycle in bad catalog data', () => {
    const cycle: GroupNode[] = [
      { ref: 'group:default/a', parent: 'group:default/b' },
      { ref: 'group:default/b', parent: 'group:default/a' },
    ];
    expect(teamsBelow(['group:default/a'], cycle)).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
  });
});

describe('toGroupNode', () => {
  it('reads the parent from the childOf relation', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'platform', namespace: 'default' },
      relations: [
        { type: 'hasMember', targetRef: 'user:default/jane.doe' },
        { type: 'childOf', targetRef: 'group:default/engineering' },
      ],
    };
    expect(toGroupNode(entity)).toEqual({
      ref: 'group:default/platform',
      parent: 'group:default/engineering',
    });
  });
});

describe('ownersWithTeamsBelow', () => {
  it("keeps the person's own ref and widens their groups to the teams below", () => {
    expect(
      ownersWithTeamsBelow(
        ['user:default/amara.okafor', 'group:default/platform'],
        org,
      ),
    ).toEqual([
      'user:default/amara.okafor',
      'group:default/platform',
      'group:default/platform-dx',
    ]);
  });
});
