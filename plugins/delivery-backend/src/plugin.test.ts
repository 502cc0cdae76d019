import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { component } from './__testUtils__/catalog';
import { demoIncidents } from './demo/demoIncidents';
import { deliveryPlugin } from './plugin';

describe('the delivery plugin with the demo history', () => {
  it('reads the demo GitHub on its global schedule through the real client', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        deliveryPlugin,
        scheduler.factory,
        catalogServiceMock.factory({
          entities: [
            component('payments-service', 'payments', {
              'github.com/project-slug': 'payments/payments-service',
            }),
            // Claims payments' repository from another team: read for neither.
            component('copycat', 'search', {
              'github.com/project-slug': 'payments/payments-service',
            }),
            component('search-service', 'search', {
              'github.com/project-slug': 'search/search-service',
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: { delivery: { demo: true, lookbackDays: 30 } },
        }),
      ],
    });
    try {
      const delivery = (name: string) =>
        request(backend.server).get(
          `/api/delivery/entities/component/default/${name}/delivery?days=30`,
        );
      expect((await delivery('search-service')).body.deployments).toEqual([]);
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'delivery-read-sources',
          scope: 'global',
        }),
      );
      const task = scheduler.scheduleTask.mock.calls[0][0];
      await task.fn(new AbortController().signal);

      const search = (await delivery('search-service')).body;
      expect(search.deployments.length).toBeGreaterThan(5);
      expect(search.deployments[0]).toMatchObject({
        source: 'github',
        entityRef: 'component:default/search-service',
        environment: 'production',
      });
      expect(search.deployments[0].commits.length).toBeGreaterThan(0);
      expect(search.sources).toContainEqual(
        expect.objectContaining({
          kind: 'github',
          configured: true,
          detail: expect.stringContaining('the demo history (delivery.demo)'),
        }),
      );
      // The shared compute fills every figure the demo history has.
      expect(search.metrics.deploymentFrequency.value).toBeGreaterThan(0);
      expect(search.metrics.leadTimeHours.value).not.toBeNull();
      expect(search.metrics.changeFailureRate.value).not.toBeNull();

      const payments = (await delivery('payments-service')).body;
      expect(payments.deployments).toEqual([]);
      expect(payments.conflicts).toEqual([
        expect.stringContaining(
          'github.com/project-slug "payments/payments-service" is claimed by',
        ),
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('reads the demo incidents through the PagerDuty client when onCall.pagerDuty is not set', async () => {
    const scheduler = mockServices.scheduler.mock();
    const payments = {
      serviceId: 'P8HD2XC',
      slug: 'payments/payments-service',
    };
    const backend = await startTestBackend({
      features: [
        deliveryPlugin,
        scheduler.factory,
        catalogServiceMock.factory({
          entities: [
            component('payments-service', 'payments', {
              'github.com/project-slug': payments.slug,
              'pagerduty.com/service-id': payments.serviceId,
            }),
          ],
        }),
        mockServices.rootConfig.factory({
          data: { delivery: { demo: true, lookbackDays: 30 } },
        }),
      ],
    });
    try {
      const readAt = Date.now();
      await scheduler.scheduleTask.mock.calls[0][0].fn(
        new AbortController().signal,
      );
      const { body } = await request(backend.server).get(
        '/api/delivery/entities/component/default/payments-service/delivery?days=30',
      );
      expect(body.sources).toContainEqual(
        expect.objectContaining({
          kind: 'pagerduty',
          configured: true,
          detail: expect.stringContaining('the demo incident history'),
        }),
      );

      // Independently, from the generated history: what the read saw
      // (triggered since the look-back), counted over the page's period.
      const from = Date.parse(body.period.from);
      const to = Date.parse(body.period.to);
      const seen = demoIncidents(payments, new Date(readAt), 37).filter(
        i => Date.parse(i.triggeredAt) >= readAt - 30 * 86_400_000,
      );
      const triggered = seen.filter(i => {
        const t = Date.parse(i.triggeredAt);
        return t >= from && t < to;
      });
      const restoreMinutes = seen
        .filter(i => {
          const r = Date.parse(i.resolvedAt);
          return r >= from && r < to && r <= readAt;
        })
        .map(
          i => (Date.parse(i.resolvedAt) - Date.parse(i.triggeredAt)) / 60_000,
        )
        .sort((a, b) => a - b);
      const middle = Math.floor(restoreMinutes.length / 2);
      const median =
        restoreMinutes.length % 2
          ? restoreMinutes[middle]
          : (restoreMinutes[middle - 1] + restoreMinutes[middle]) / 2;

      expect(triggered.length).toBeGreaterThan(0);
      expect(restoreMinutes.length).toBeGreaterThan(0);
      expect(body.metrics.incidentCount.value).toBe(triggered.length);
      expect(body.metrics.timeToRestoreMinutes.value).toBeCloseTo(median, 6);
      expect(body.incidents.map((i: { id: string }) => i.id).sort()).toEqual(
        triggered.map(i => `pagerduty:${i.id}`).sort(),
      );
    } finally {
      await backend.stop();
    }
  });
});
