import { mockServices } from '@backstage/backend-test-utils';
import { portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseDeployGateStore } from './DatabaseDeployGateStore';

const databases = portalTestDatabases();
const HOUR = 3600_000;

describe.each(databases.eachSupportedId())(
  'DatabaseDeployGateStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      return DatabaseDeployGateStore.create({
        database: mockServices.database({
          knex,
          migrations: { skip: false },
        }),
      });
    }

    const t0 = new Date('2026-12-07T09:00:00.000Z');
    const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
    const override = (id: string, from: number, to: number, ref = 'a') => ({
      id,
      entityRef: `component:default/${ref}`,
      reason: `reason ${id}`,
      createdBy: 'user:default/amara.okafor',
      createdAt: at(from),
      expiresAt: at(to),
    });

    it('finds the override in force, the longest one first, and none before or after', async () => {
      const store = await createStore();
      await store.createOverride(override('short', 0, 1));
      await store.createOverride(override('long', 0.5, 4));
      await store.createOverride(override('other', 0, 10, 'b'));
      const ref = 'component:default/a';

      expect(await store.activeOverride(ref, at(-0.5))).toBeUndefined();
      expect((await store.activeOverride(ref, at(0.25)))?.id).toBe('short');
      expect((await store.activeOverride(ref, at(0.75)))?.id).toBe('long');
      expect(await store.activeOverride(ref, at(4))).toBeUndefined();
      expect(await store.activeOverride('component:default/c', at(1))).toBe(
        undefined,
      );
    });

    it('lists an entity’s overrides newest first with their times intact', async () => {
      const store = await createStore();
      await store.createOverride(override('first', 0, 1));
      await store.createOverride(override('second', 2, 3));
      await store.createOverride(override('other', 1, 2, 'b'));

      const listed = await store.listOverrides('component:default/a', 10);
      expect(listed).toEqual([
        override('second', 2, 3),
        override('first', 0, 1),
      ]);
      expect(await store.listOverrides('component:default/a', 1)).toHaveLength(
        1,
      );
    });
  },
);
