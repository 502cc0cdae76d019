import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { PortalConfigError } from './config/checkConfig';

/** Where the metrics are served, and how to stop serving them. */
export interface MetricsEndpoint {
  /** The port /metrics listens on. */
  port: number;
  shutdown(): Promise<void>;
}

/**
 * Serves the metrics that Backstage's plugins record through the
 * OpenTelemetry API, in Prometheus's text format on
 * `PORTAL_METRICS_PORT` (/metrics), for the Helm chart's ServiceMonitor.
 * Without the variable nothing is served. Must run before the backend
 * starts: meters created before a provider is registered record nothing.
 */
export async function startMetricsExporter(
  env: NodeJS.ProcessEnv = process.env,
): Promise<MetricsEndpoint | undefined> {
  const raw = env.PORTAL_METRICS_PORT;
  if (!raw) {
    return undefined;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PortalConfigError(
      `PORTAL_METRICS_PORT must be a port number (e.g. 9464), not "${raw}"`,
    );
  }
  return serveMetrics(port);
}

/**
 * The server behind {@link startMetricsExporter}. Our own HTTP server rather
 * than the exporter's, which takes port 0 for "use the default", so that
 * tests can ask the kernel for a free port and read it back.
 */
export async function serveMetrics(port: number): Promise<MetricsEndpoint> {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://metrics').pathname === '/metrics') {
      exporter.getMetricsRequestHandler(req, res);
    } else {
      res.statusCode = 404;
      res.end();
    }
  }).unref();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port }, resolve);
  });
  const provider = new MeterProvider({ readers: [exporter] });
  metrics.setGlobalMeterProvider(provider);
  return {
    port: (server.address() as AddressInfo).port,
    async shutdown() {
      await provider.shutdown();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
