import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { portalTestDatabases } from '@gogidix/test-kit';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DeliveryTasks } from './DeliveryTasks';
import { DeliverySource, noEvents } from './sources/DeliverySource';

// The store has its own tests on both databases; SQLite is enough here.
const databases = portalTestDatabases();
const now = new Date('2026-12-07T12:00:00Z');

const incidentSource = (): DeliverySource & { since: Date[] } => {
  const since: Date[] = [];
  return {
    name: 'pagerduty',
    since,
    async read(from) {
      since.push(from);
      return {
        ...noEvents(),
        incidents: [
          {
            id: 'pagerduty:Q1',
            source: 'pagerduty',
            entityRef: 'component:default/payments',
            title: 'Checkout errors',
            urgency: 'high',
            triggeredAt: '2026-12-07T10:00:00Z',
            acknowledgedAt: null,
            resolvedAt: null,
          },
        ],
      };
    },
  };
};

const failing: DeliverySource = {
  name: 'github',
  read: async () => {
    throw new ServiceUnavailableError(
      'GitHub at https://api.github.com answered 401 Unauthorized: check delivery.github.token',
    );
  },
};

describe('DeliveryTasks', () => {
  it('reads each source over the look-back window; one failing leaves the others', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseDeliveryStore.create({
      database: { getClient: async () => knex },
    });
    const incidents = incidentSource();
    const logger = mockServices.logger.mock();
    const tasks = new DeliveryTasks({
      store,
      sources: [failing, incidents],
      lookbackDays: 30,
      logger,
      now: () => now,
    });
    expect(await tasks.readSources()).toEqual({
      github: {
        error:
          'GitHub at https://api.github.com answered 401 Unauthorized: check delivery.github.token',
      },
      pagerduty: { deployments: 0, incidents: 1, alerts: 0 },
    });
    // Read twice: stored once.
    await tasks.readSources();
    expect(incidents.since).toEqual([
      new Date('2026-11-07T12:00:00Z'),
      new Date('2026-11-07T12:00:00Z'),
    ]);
    const stored = await store.incidents({
      from: '2026-12-01T00:00:00Z',
      to: '2026-12-08T00:00:00Z',
    });
    expect(stored.map(i => i.id)).toEqual(['pagerduty:Q1']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Reading github failed'),
    );
  });

  it('refreshes the rollups after each round; a failed refresh is logged, not thrown', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseDeliveryStore.create({
      database: { getClient: async () => knex },
    });
    const logger = mockServices.logger.mock();
    const afterRead = jest
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('database is locked'));
    const tasks = new DeliveryTasks({
      store,
      sources: [incidentSource()],
      lookbackDays: 30,
      logger,
      afterRead,
      now: () => now,
    });
    await tasks.readSources();
    expect(afterRead).toHaveBeenCalledTimes(1);
    expect(await tasks.readSources()).toEqual({
      pagerduty: { deployments: 0, incidents: 1, alerts: 0 },
    });
    expect(afterRead).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledWith(
      'Refreshing the delivery rollups failed: database is locked',
    );
  });
});
