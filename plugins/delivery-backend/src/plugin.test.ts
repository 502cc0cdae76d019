import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { component } from './__testUtils__/catalog';
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
});
