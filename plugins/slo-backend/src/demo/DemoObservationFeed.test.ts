import { mockServices } from '@backstage/backend-test-utils';
import { evaluateSlo } from '@gogidix/plugin-slo-common';
import { DatabaseSloStore } from '../database/DatabaseSloStore';
import { ratioSlo } from '../__testUtils__/fixtures';
import { portalTestDatabases } from '@gogidix/test-kit';
import { StoredObservationSource } from '../service/StoredObservationSource';
import {
  COARSE_STEP,
  DemoObservationFeed,
  FINE_STEP,
  isLocalDocument,
} from './DemoObservationFeed';
import { generateDemoObservations } from '@gogidix/demo-observability';

const slos = Array.from({ length: 12 }, (_, i) =>
  ratioSlo(`service-${i}`, 'availability'),
);

describe('generateDemoObservations', () => {
  const options = {
    from: 1_790_000_000,
    to: 1_790_000_000 + 30 * 86400,
    stepSeconds: FINE_STEP,
  };

  it('is deterministic and counts up', () => {
    const a = generateDemoObservations(slos.slice(0, 2), options);
    expect(generateDemoObservations(slos.slice(0, 2), options)).toEqual(a);
    for (let i = 1; i < a.length; i++) {
      if (a[i].sloId !== a[i - 1].sloId) continue;
      expect(a[i].total).toBeGreaterThan(a[i - 1].total);
      expect(a[i].good).toBeGreaterThanOrEqual(a[i - 1].good);
    }
  });

  it('gives a month with varied budgets and a few incidents, not a flat line', () => {
    const month = generateDemoObservations(slos, options);
    const statuses = slos.map(slo => {
      const series = month.filter(o => o.sloId === slo.id);
      const first = series[0];
      const last = series[series.length - 1];
      const ratio = 1 - (last.good - first.good) / (last.total - first.total);
      return evaluateSlo(slo, { period: ratio }, new Date(options.to * 1000))
        .budget.remaining as number;
    });
    expect(Math.min(...statuses)).toBeLessThan(0.25);
    expect(Math.max(...statuses)).toBeGreaterThan(0.5);
    // Some 5-minute steps fall in an incident (over 2% failing).
    const byKey = new Map(month.map(o => [`${o.sloId}@${o.ts}`, o]));
    const incidentSteps = month.filter(o => {
      const prev = byKey.get(`${o.sloId}@${o.ts - FINE_STEP}`);
      return prev && 1 - (o.good - prev.good) / (o.total - prev.total) > 0.02;
    });
    expect(incidentSteps.length).toBeGreaterThan(0);
  });
});

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
