import { mockServices } from '@backstage/backend-test-utils';
import { component, fixedCatalog } from '../__testUtils__/catalog';
import { pagerDutyEndpoint } from '../service/sources/endpoints';
import { PagerDutyIncidentSource } from '../service/sources/PagerDutyIncidentSource';
import { demoIncidents } from './demoIncidents';
import { startDemoPagerDuty } from './demoPagerDuty';

const now = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;

const catalog = fixedCatalog([
  component('payments-service', 'payments', {
    'github.com/project-slug': 'payments/payments-service',
    'pagerduty.com/service-id': 'P8HD2XC',
  }),
  component('media-service', 'listings', {
    'pagerduty.com/service-id': 'PQ3V8NB',
  }),
]);

describe('the demo PagerDuty', () => {
  it('serves the demo incidents through the real PagerDuty client', async () => {
    const demo = await startDemoPagerDuty({
      catalog,
      lookbackDays: 90,
      now: () => now,
    });
    try {
      const source = new PagerDutyIncidentSource(
        pagerDutyEndpoint(demo.settings, mockServices.logger.mock()),
        catalog,
        () => now,
      );
      const since = new Date(now.getTime() - 90 * DAY);
      const { incidents } = await source.read(since);
      // Independently: each service's history since, as PagerDuty shows it now.
      const expected = [
        {
          ref: 'component:default/payments-service',
          history: demoIncidents(
            { serviceId: 'P8HD2XC', slug: 'payments/payments-service' },
            now,
            97,
          ),
        },
        {
          ref: 'component:default/media-service',
          history: demoIncidents({ serviceId: 'PQ3V8NB' }, now, 97),
        },
      ].flatMap(({ ref, history }) =>
        history
          .filter(i => Date.parse(i.triggeredAt) >= since.getTime())
          .map(i => ({
            id: `pagerduty:${i.id}`,
            entityRef: ref,
            triggeredAt: i.triggeredAt,
            resolvedAt: i.resolvedAt <= now.toISOString() ? i.resolvedAt : null,
          })),
      );
      expect(expected.length).toBeGreaterThan(10);
      const byId = (a: { id: string }, b: { id: string }) =>
        a.id.localeCompare(b.id);
      expect(
        incidents
          .map(i => ({
            id: i.id,
            entityRef: i.entityRef,
            triggeredAt: i.triggeredAt,
            resolvedAt: i.resolvedAt,
          }))
          .sort(byId),
      ).toEqual(expected.sort(byId));
    } finally {
      await demo.stop();
    }
  });

  it('shows an incident open now as PagerDuty would: acknowledged, not resolved', async () => {
    const [incident] = demoIncidents(
      { serviceId: 'P8HD2XC', slug: 'payments/payments-service' },
      now,
      30,
    );
    const during = new Date(Date.parse(incident.acknowledgedAt) + 60_000);
    const demo = await startDemoPagerDuty({
      catalog,
      lookbackDays: 30,
      now: () => during,
    });
    try {
      const source = new PagerDutyIncidentSource(
        pagerDutyEndpoint(demo.settings, mockServices.logger.mock()),
        catalog,
        () => during,
      );
      const { incidents } = await source.read(
        new Date(Date.parse(incident.triggeredAt) - 1),
      );
      expect(incidents.find(i => i.id === `pagerduty:${incident.id}`)).toEqual(
        expect.objectContaining({
          acknowledgedAt: incident.acknowledgedAt,
          resolvedAt: null,
        }),
      );
    } finally {
      await demo.stop();
    }
  });

  it('answers a wrong token and a request without a range as PagerDuty does', async () => {
    const demo = await startDemoPagerDuty({ catalog, lookbackDays: 30 });
    try {
      const wrong = await fetch(`${demo.settings.baseUrl}/incidents`, {
        headers: { Authorization: 'Token token=wrong' },
      });
      expect([wrong.status, await wrong.json()]).toEqual([
        401,
        { error: { message: 'Unauthorized', code: 2006 } },
      ]);
      const unranged = await fetch(`${demo.settings.baseUrl}/incidents`, {
        headers: { Authorization: `Token token=${demo.settings.token}` },
      });
      expect(unranged.status).toBe(400);
    } finally {
      await demo.stop();
    }
  });
});
