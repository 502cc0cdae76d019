import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  createPermission,
} from '@backstage/plugin-permission-common';
import { orgGroups } from '../__testUtils__/org';
import { GroupTree } from '../roles/GroupTree';
import { GogidixPermissionPolicy } from './GogidixPermissionPolicy';

const entityPermission = (name: string) =>
  createPermission({
    name,
    attributes: { action: 'read' },
    resourceType: 'catalog-entity',
  });
const basicPermission = (name: string) =>
  createPermission({ name, attributes: { action: 'read' } });

/** Who is in which groups, as their sign-in token says. */
const memberships: Record<string, string[]> = {
  'user:default/jane': ['group:default/platform'],
  'user:default/priya': [
    'group:default/platform',
    'group:default/platform-admins',
  ],
  'user:default/helper': ['group:default/admin-helpers'],
  'user:default/amara': ['group:default/engineering'],
  'user:default/alex': ['group:default/product'],
  'user:default/hana': ['group:default/sre'],
};

function setUp() {
  const auditor = mockServices.auditor.mock();
  const fail = jest.fn();
  auditor.createEvent.mockResolvedValue({ success: jest.fn(), fail });
  const tree = GroupTree.fromEntities(orgGroups(), 'gogidix.io/lead');
  const userInfo = {
    getUserInfo: jest.fn(async (credentials: BackstageCredentials) => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...memberships[ref]],
      };
    }),
  };
  const policy = new GogidixPermissionPolicy({
    settings: {
      platformAdmins: ['group:default/platform-admins'],
      onCall: ['group:default/sre'],
      managerAnnotation: 'gogidix.io/lead',
      groupCacheMs: 60_000,
    },
    groups: { get: async () => tree },
    // platform's components depend on listings-service (and platform's own).
    dependencies: {
      of: async (refs: string[]) =>
        refs.includes('group:default/platform')
          ? ['component:default/listings-service']
          : [],
    },
    auditor,
    logger: mockServices.logger.mock(),
    userInfo,
  });
  /** `plugin`: a plugin asks on the user's behalf, as while serving a request. */
  const decide = (user: string, permission: Permission, plugin?: string) => {
    const direct = mockCredentials.user(user);
    const credentials = plugin
      ? {
          ...direct,
          principal: {
            ...direct.principal,
            actor: { type: 'service' as const, subject: plugin },
          },
        }
      : direct;
    return policy.handle(
      { permission },
      {
        credentials,
        info: { userEntityRef: user, ownershipEntityRefs: [] },
      },
    );
  };
  return { policy, decide, auditor, fail, userInfo };
}

const ALLOW = { result: AuthorizeResult.ALLOW };
const DENY = { result: AuthorizeResult.DENY };

describe('GogidixPermissionPolicy', () => {
  it.each([
    // A developer reads the catalog and runs templates, nothing admin.
    ['user:default/jane', basicPermission('catalog.location.read'), ALLOW],
    ['user:default/jane', basicPermission('catalog.location.create'), DENY],
    ['user:default/priya', basicPermission('catalog.location.create'), ALLOW],
    ['user:default/jane', entityPermission('catalog.entity.read'), ALLOW],
    ['user:default/jane', basicPermission('scaffolder.task.create'), ALLOW],
    ['user:default/jane', basicPermission('catalog.location.delete'), DENY],
    [
      'user:default/jane',
      basicPermission('scaffolder.template.management'),
      DENY,
    ],
    ['user:default/jane', basicPermission('cost.import.create'), DENY],
    ['user:default/jane', basicPermission('oncall.alert.read'), DENY],
    ['user:default/jane', basicPermission('audit.event.read'), DENY],
    ['user:default/jane', basicPermission('compliance.export.read'), DENY],
    ['user:default/jane', basicPermission('no.such.permission'), DENY],
    // Platform admins, directly or through a group below, may do anything.
    ['user:default/priya', basicPermission('catalog.location.delete'), ALLOW],
    ['user:default/priya', entityPermission('cost.org.read'), ALLOW],
    ['user:default/priya', basicPermission('no.such.permission'), ALLOW],
    ['user:default/helper', basicPermission('audit.event.read'), ALLOW],
    // Managers export and import-read; on-call sees the org's alerts.
    ['user:default/amara', basicPermission('compliance.export.read'), ALLOW],
    ['user:default/amara', basicPermission('cost.import.read'), ALLOW],
    ['user:default/amara', basicPermission('oncall.alert.read'), DENY],
    ['user:default/hana', basicPermission('oncall.alert.read'), ALLOW],
    ['user:default/hana', entityPermission('oncall.runbook.read'), ALLOW],
    ['user:default/hana', basicPermission('kubernetes.proxy'), ALLOW],
    ['user:default/hana', basicPermission('cost.import.read'), DENY],
    ['user:default/hana', entityPermission('oncall.responders.read'), ALLOW],
    // Delivery: every service's tab for everyone; team pages for managers.
    ['user:default/jane', entityPermission('delivery.entity.read'), ALLOW],
    ['user:default/hana', entityPermission('delivery.entity.read'), ALLOW],
    ['user:default/jane', entityPermission('delivery.org.read'), DENY],
    ['user:default/hana', entityPermission('delivery.org.read'), DENY],
    ['user:default/priya', entityPermission('delivery.org.read'), ALLOW],
    ['user:default/amara', entityPermission('delivery.entity.read'), ALLOW],
    // Anyone asks the deploy gate; a developer may not override it.
    ['user:default/jane', entityPermission('slo.deployGate.evaluate'), ALLOW],
    ['user:default/jane', entityPermission('slo.deployGate.override'), DENY],
    ['user:default/priya', entityPermission('slo.deployGate.override'), ALLOW],
  ])('%s: %o is %o', async (user, permission, expected) => {
    const { decide } = setUp();
    expect(await decide(user, permission)).toEqual(expected);
  });

  it.each([
    // On-call: what their own teams own; a manager: the whole subtree
    // below engineering, which she leads.
    ['user:default/hana', ['user:default/hana', 'group:default/sre']],
    [
      'user:default/amara',
      expect.arrayContaining([
        'group:default/engineering',
        'group:default/platform',
        'group:default/sre',
      ]),
    ],
  ])(
    'lets %s override the deploy gate of what they answer for',
    async (user, claims) => {
      const { decide } = setUp();
      expect(
        await decide(user, entityPermission('slo.deployGate.override')),
      ).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        conditions: { rule: 'IS_ENTITY_OWNER', params: { claims } },
      });
    },
  );

  it('lets a developer act on what their teams own, through the catalog', async () => {
    const { decide } = setUp();
    expect(
      await decide(
        'user:default/jane',
        entityPermission('catalog.entity.delete'),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/jane', 'group:default/platform'] },
      },
    });
  });

  it('shows a developer who is on call for what their components depend on, and nothing else of it', async () => {
    const { decide } = setUp();
    const owner = {
      rule: 'IS_ENTITY_OWNER',
      resourceType: 'catalog-entity',
      params: { claims: ['user:default/jane', 'group:default/platform'] },
    };
    expect(
      await decide(
        'user:default/jane',
        entityPermission('oncall.responders.read'),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        anyOf: [
          owner,
          {
            allOf: [
              {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['component'] },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'namespace', value: 'default' },
              },
              {
                rule: 'HAS_METADATA',
                resourceType: 'catalog-entity',
                params: { key: 'name', value: 'listings-service' },
              },
            ],
          },
        ],
      },
    });
    // The rest of the tab stays with the service's own team.
    expect(
      await decide('user:default/jane', entityPermission('oncall.entity.read')),
    ).toMatchObject({ conditions: owner });
    // A manager whose subtree depends on nothing: the subtree's services only.
    expect(
      await decide(
        'user:default/alex',
        entityPermission('oncall.responders.read'),
      ),
    ).toMatchObject({
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        params: {
          claims: [
            'user:default/alex',
            'group:default/product',
            'group:default/web',
          ],
        },
      },
    });
  });

  it("shows a manager their subtree's teams, and a developer their own team", async () => {
    const { decide } = setUp();
    const teamsOf = async (user: string) => {
      const decision = await decide(user, entityPermission('cost.org.read'));
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        throw new Error(
          `expected a conditional decision, got ${decision.result}`,
        );
      }
      const { anyOf } = decision.conditions as { anyOf: any[] };
      return anyOf.slice(1).map(group => group.allOf[2].params.value);
    };
    expect(await teamsOf('user:default/alex')).toEqual(['product', 'web']);
    expect((await teamsOf('user:default/amara')).sort()).toEqual([
      'admin-helpers',
      'engineering',
      'platform',
      'platform-admins',
      'product',
      'sre',
      'web',
    ]);
    expect(await teamsOf('user:default/jane')).toEqual(['platform']);
  });

  it("shows a manager their subtree's delivery, and a developer their own team's deploys to report", async () => {
    const { decide } = setUp();
    const teamsOf = async (user: string, name: string) => {
      const decision = await decide(user, entityPermission(name));
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        throw new Error(
          `expected a conditional decision, got ${decision.result}`,
        );
      }
      const { anyOf } = decision.conditions as { anyOf: any[] };
      return anyOf.slice(1).map(group => group.allOf[2].params.value);
    };
    expect(
      (await teamsOf('user:default/amara', 'delivery.org.read')).sort(),
    ).toEqual([
      'admin-helpers',
      'engineering',
      'platform',
      'platform-admins',
      'product',
      'sre',
      'web',
    ]);
    expect(await teamsOf('user:default/alex', 'delivery.org.read')).toEqual([
      'product',
      'web',
    ]);
    const own = await decide(
      'user:default/jane',
      entityPermission('delivery.deployment.create'),
    );
    expect(own.result).toBe(AuthorizeResult.CONDITIONAL);
  });

  it("lets a service be created for the author's teams: their own, a manager's subtree, any for admins", async () => {
    const { decide } = setUp();
    const ownerPermission = entityPermission('scaffolder.service.owner.assign');
    const teamsOf = async (user: string) => {
      const decision = await decide(user, ownerPermission);
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        return decision.result;
      }
      const { anyOf } = decision.conditions as { anyOf: any[] };
      return anyOf
        .slice(1)
        .map(group => group.allOf[2].params.value)
        .sort();
    };
    expect(await teamsOf('user:default/jane')).toEqual(['platform']);
    expect(await teamsOf('user:default/alex')).toEqual(['product', 'web']);
    expect(await teamsOf('user:default/priya')).toBe(AuthorizeResult.ALLOW);
  });

  it('records the denial of a request in the audit trail, naming who, what and which plugin asked', async () => {
    const { decide, auditor, fail } = setUp();
    expect(
      await decide(
        'user:default/jane',
        basicPermission('catalog.location.delete'),
        'plugin:catalog',
      ),
    ).toEqual(DENY);
    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'permission-denied',
      severityLevel: 'medium',
      meta: {
        actor: 'user:default/jane',
        target: 'catalog.location.delete',
        permission: 'catalog.location.delete',
        requestedBy: 'plugin:catalog',
        resourceRef: null,
        reason: 'not allowed for the roles held',
      },
    });
    expect(fail).toHaveBeenCalledTimes(1);
    await decide(
      'user:default/jane',
      basicPermission('catalog.location.read'),
      'plugin:catalog',
    );
    expect(auditor.createEvent).toHaveBeenCalledTimes(1);
  });

  it("denies the browser's own checks (which buttons to show) without recording them", async () => {
    const { decide, auditor } = setUp();
    for (const name of [
      'catalog.entity.create',
      'scaffolder.template.management',
    ]) {
      expect(await decide('user:default/jane', basicPermission(name))).toEqual(
        DENY,
      );
    }
    expect(auditor.createEvent).not.toHaveBeenCalled();
  });

  it("reads a user's claims once for a batch of checks", async () => {
    const { policy, userInfo } = setUp();
    const user = {
      credentials: mockCredentials.user('user:default/jane'),
      info: { userEntityRef: 'user:default/jane', ownershipEntityRefs: [] },
    };
    await policy.handle(
      { permission: basicPermission('catalog.entity.read') },
      user,
    );
    await policy.handle(
      { permission: basicPermission('scaffolder.task.create') },
      user,
    );
    expect(userInfo.getUserInfo).toHaveBeenCalledTimes(1);
  });

  it('denies a request without a signed-in user', async () => {
    const { policy } = setUp();
    expect(
      await policy.handle({
        permission: basicPermission('catalog.entity.read'),
      }),
    ).toEqual(DENY);
  });
});
