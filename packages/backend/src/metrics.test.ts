import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { metrics } from '@opentelemetry/api';
import { serveMetrics, startMetricsExporter } from './metrics';

describe('startMetricsExporter', () => {
  afterEach(() => metrics.disable());

  it('serves what plugins record through the OpenTelemetry API', async () => {
    // A port the kernel picks: no two runs on one machine collide.
    const endpoint = await serveMetrics(0);
    try {
      metrics
        .getMeter('catalog')
        .createCounter('portal_test_refreshes', { description: 'test' })
        .add(3, { kind: 'component' });
      const res = await fetch(`http://127.0.0.1:${endpoint.port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(
        /^portal_test_refreshes_total\{kind="component"[^}]*\} 3\b/m,
      );
    } finally {
      await endpoint.shutdown();
    }
  });

  it("serves the catalog's own metrics for the ServiceMonitor", async () => {
    const catalogFiles = createMockDirectory({
      content: {
        'catalog-info.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata: { name: metered-service }',
          'spec: { type: service, lifecycle: production, owner: platform }',
        ].join('\n'),
      },
    });
    const endpoint = await serveMetrics(0);
    const backend = await startTestBackend({
      features: [
        catalogBackend,
        // The real metrics service, as createBackend() installs it.
        metricsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [
                {
                  type: 'file',
                  target: catalogFiles.resolve('catalog-info.yaml'),
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      let text = '';
      const stitched =
        /^catalog_stitched_entities_count_total\{result="changed"[^}]*\} [1-9]/m;
      for (let i = 0; i < 60 && !stitched.test(text); i++) {
        await new Promise(resolve => setTimeout(resolve, 500));
        text = await (
          await fetch(`http://127.0.0.1:${endpoint.port}/metrics`)
        ).text();
      }
      // The catalog counts the entities it stitched (our one component).
      expect(text).toMatch(stitched);
    } finally {
      await backend.stop();
      await endpoint.shutdown();
    }
  });

  it('serves on PORTAL_METRICS_PORT', async () => {
    // The configured port is the one served: a port that was just free.
    const probe = await serveMetrics(0);
    await probe.shutdown();
    const endpoint = await startMetricsExporter({
      PORTAL_METRICS_PORT: String(probe.port),
    });
    try {
      expect(endpoint!.port).toBe(probe.port);
      const res = await fetch(`http://127.0.0.1:${endpoint!.port}/metrics`);
      expect(res.status).toBe(200);
    } finally {
      await endpoint!.shutdown();
    }
  });

  it('serves nothing without PORTAL_METRICS_PORT', async () => {
    expect(await startMetricsExporter({})).toBeUndefined();
  });

  it.each(['abc', '0', '70000', '94.64'])(
    'refuses PORTAL_METRICS_PORT=%s',
    async port => {
      await expect(
        startMetricsExporter({ PORTAL_METRICS_PORT: port }),
      ).rejects.toThrow(/PORTAL_METRICS_PORT must be a port number/);
    },
  );
});
