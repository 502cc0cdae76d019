import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { ratioSlo } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';
import { StoredObservationSource } from '../service/StoredObservationSource';
import {
  COARSE_STEP,
  DemoObservationFeed,
  isLocalDocument,
} from './DemoObservationFeed';

const slos = Array.from({ length: 12 }, (_, i) =>
  ratioSlo(`service-${i}`, 'availability'),
);

describe('DemoObservationFeed', () => {
  const databases = portalTestDatabases();

  it('ingests a month of history once, then only extends it', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await store.replaceDefinitions(
      ['component:default/service-0'],
      [
        {
          slo: slos[0],
          entityRef: 'component:default/service-0',
          owner: 'group:default/a',
        },
      ],
    );
    const feed = new DemoObservationFeed(
      store,
      mockServices.logger.mock(),
      30,
      30,
    );
    const now = new Date('2026-11-20T10:02:00Z');
    const first = await feed.catchUp(now);
    expect(first).toBe(30 * 24 + 30 * 288 + 1);
    expect(await feed.catchUp(new Date(now.getTime() + 30 * 60_000))).toBe(6);
    expect(await feed.catchUp(new Date(now.getTime() + 30 * 60_000))).toBe(0);

    // The stored history answers every window, from 5m to the 30-day period.
    const ratios = await new StoredObservationSource(
      store,
      COARSE_STEP,
    ).errorRatios([slos[0]], new Date(now.getTime() + 30 * 60_000));
    expect(
      Object.values(ratios.get(slos[0].id)!).every(r => typeof r === 'number'),
    ).toBe(true);
  });

  it('invents no history for a service published to a repository', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseSloStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const published = {
      ...ratioSlo('photos', 'availability'),
      source:
        'https://git.portal.localhost/listings/photos/blob/main/slo/openslo.yaml',
    };
    await store.replaceDefinitions(
      ['component:default/photos'],
      [
        {
          slo: published,
          entityRef: 'component:default/photos',
          owner: 'group:default/a',
        },
      ],
    );
    const feed = new DemoObservationFeed(
      store,
      mockServices.logger.mock(),
      30,
      30,
    );
    expect(await feed.catchUp(new Date('2026-11-20T10:02:00Z'))).toBe(0);
    expect(isLocalDocument(published.source)).toBe(false);
    expect(isLocalDocument('/srv/demo/services/photos/slo/openslo.yaml')).toBe(
      true,
    );
  });
});
