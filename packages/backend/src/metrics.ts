import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { PortalConfigError } from './config/checkConfig';

/**
 * Serves the metrics that Backstage's plugins record through the
 * OpenTelemetry API, in Prometheus's text format on
 * `PORTAL_METRICS_PORT` (/metrics), for the Helm chart's ServiceMonitor.
 * Without the variable nothing is served. Must run before the backend
 * starts: meters created before a provider is registered record nothing.
 */
export async function startMetricsExporter(
  env: NodeJS.ProcessEnv = process.env,
): Promise<MeterProvider | undefined> {
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
  const exporter = new PrometheusExporter({ port, preventServerStart: true });
  await exporter.startServer();
  const provider = new MeterProvider({ readers: [exporter] });
  metrics.setGlobalMeterProvider(provider);
  return provider;
}
