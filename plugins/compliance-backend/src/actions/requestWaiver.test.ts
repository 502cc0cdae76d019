import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ActionRateLimit, DryRunConfirmations } from '@gogidix/portal-node';
import { portalTestDatabases } from '@gogidix/test-kit';
import {
  createTestStore,
  demoComponents,
  demoRound,
} from '../__testUtils__/fixtures';
import { DatabaseComplianceStore } from '../database/DatabaseComplianceStore';
import { WaiverRequests } from '../service/WaiverRequests';
import { registerRequestWaiverAction } from './requestWaiver';

const databases = portalTestDatabases();
const now = new Date('2026-11-27T09:00:00Z');
const manager = 'user:default/sofia.rossi';
const developer = 'user:default/dev';

/** Sofia manages payments; anyone else may waive nothing (as the role policy). */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, { credentials }) =>
    requests.map(r => {
      const user = (credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      const resourceRef = (r as { resourceRef?: string }).resourceRef;
      return {
        result:
          r.permission.name === 'compliance.waiver.create' &&
          user === manager &&
          resourceRef === 'component:default/payments-service'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }),
});

/** The cache service as the confirmations use it: a map, no expiry. */
function memoryCache() {
  const entries = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    set: async (key: string, value: unknown) => {
      entries.set(key, value);
    },
    delete: async (key: string) => {
      entries.delete(key);
    },
  };
}

describe('the request-waiver action', () => {
  let store: DatabaseComplianceStore;

  beforeAll(async () => {
    store = await createTestStore(databases);
  });

  const request = {
    entityRef: 'component:default/payments-service',
    checkId: 'mtls-strict',
    reason: 'Legacy clients need plaintext until March',
    approver: manager,
    expiresAt: '2027-03-01T00:00:00Z',
  };

  async function setup() {
    const { ruleSet } = await demoRound(store, { now });
    const events: Array<{ outcome: string; meta: unknown }> = [];
    const auditor = mockServices.auditor.mock({
      createEvent: async ({ meta }) => ({
        success: async () => {
          events.push({ outcome: 'succeeded', meta });
        },
        fail: async () => {
          events.push({ outcome: 'failed', meta });
        },
      }),
    });
    const registry = actionsRegistryServiceMock();
    registerRequestWaiverAction({
      actionsRegistry: registry,
      waivers: new WaiverRequests({
        catalog: catalogServiceMock({
          entities: [
            ...demoComponents(),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'User',
              metadata: { name: 'sofia.rossi', namespace: 'default' },
              spec: {},
            },
          ],
        }),
        permissions,
        store,
        ruleSet,
        now: () => now,
      }),
      guard: {
        auditor,
        confirmations: new DryRunConfirmations({
          cache: memoryCache(),
          now: () => now.getTime(),
        }),
        rateLimit: new ActionRateLimit({ perMinute: 100 }),
      },
    });
    const invoke = (user: string, input: Record<string, unknown>) =>
      registry.invoke({
        id: 'test:request-waiver',
        input: { ...request, ...input },
        credentials: mockCredentials.user(user),
      });
    return { invoke, events };
  }

  it('checks in a dry run, storing nothing, then creates the waiver with its confirmation', async () => {
    const { invoke, events } = await setup();
    const before = await store.listWaivers();
    const dry = (await invoke(manager, { dryRun: true })).output as any;
    expect(dry).toMatchObject({
      dryRun: true,
      waiver: {
        ...request,
        expiresAt: '2027-03-01T00:00:00.000Z',
        createdBy: manager,
      },
      confirmation: { token: expect.any(String) },
    });
    expect(dry.summary).toContain(dry.confirmation.token);
    expect(await store.listWaivers()).toEqual(before);

    const run = (
      await invoke(manager, { dryRun: false, confirm: dry.confirmation.token })
    ).output as any;
    expect(run).toMatchObject({
      dryRun: false,
      waiver: { id: expect.any(String) },
    });
    const stored = await store.listWaivers(
      'component:default/payments-service',
    );
    expect(stored.map(w => w.id)).toContain(run.waiver.id);
    expect(
      events.map(e => [e.outcome, (e.meta as any).mode, (e.meta as any).actor]),
    ).toEqual([
      ['succeeded', 'dry-run', manager],
      ['succeeded', 'run', manager],
    ]);
  });

  it.each([
    ['no dry run', manager, {}, /needs a dry run first/],
    [
      'a made-up confirmation',
      manager,
      { confirm: 'made-up' },
      /no such confirmation/,
    ],
    [
      "another person's confirmation",
      developer,
      { confirm: 'dry' },
      /issued to someone else/,
    ],
    [
      'a changed reason',
      manager,
      { confirm: 'dry', reason: 'Another reason, long enough' },
      /input differs/,
    ],
  ])(
    'refuses a run with %s, storing nothing',
    async (_, user, change, message) => {
      const { invoke, events } = await setup();
      const dry = (await invoke(manager, { dryRun: true })).output as any;
      const before = await store.listWaivers();
      const confirm =
        (change as { confirm?: string }).confirm === 'dry'
          ? dry.confirmation.token
          : (change as { confirm?: string }).confirm;
      await expect(
        invoke(user, { ...change, dryRun: false, confirm }),
      ).rejects.toThrow(message);
      expect(await store.listWaivers()).toEqual(before);
      expect(events[1]).toMatchObject({
        outcome: 'failed',
        meta: { actor: user, mode: 'run' },
      });
    },
  );

  it.each([
    ['a developer', developer, request.entityRef],
    [
      "a manager, for another team's component",
      manager,
      'component:default/search-service',
    ],
  ])(
    'refuses %s in the dry run already, as the route does',
    async (_, user, entityRef) => {
      const { invoke, events } = await setup();
      await expect(invoke(user, { entityRef, dryRun: true })).rejects.toThrow(
        `You may not waive checks of ${entityRef}`,
      );
      expect(events).toEqual([
        {
          outcome: 'failed',
          meta: expect.objectContaining({
            actor: user,
            target: entityRef,
            mode: 'dry-run',
          }),
        },
      ]);
    },
  );

  it.each([
    ['an unknown check', { checkId: 'nope' }, /checkId: no check "nope"/],
    ['a past expiry', { expiresAt: '2026-01-01T00:00:00Z' }, /in the future/],
    [
      'an approver not in the catalog',
      { approver: 'user:default/ghost' },
      /approver: no user/,
    ],
    [
      'an entity ref that is none',
      { entityRef: 'component:' },
      /entityRef: "component:" is not an entity ref/,
    ],
  ])(
    'refuses %s in the dry run, with the route’s message',
    async (_, change, message) => {
      const { invoke } = await setup();
      await expect(
        invoke(manager, { ...change, dryRun: true }),
      ).rejects.toThrow(message);
    },
  );
});
