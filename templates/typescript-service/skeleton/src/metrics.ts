import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The metrics the service's SLOs and dashboard are built on. The latency
 * buckets include the SLO threshold (${{ values.slo.latencyThresholdMs }} ms) so the latency SLI is exact.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'code'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds.',
    labelNames: ['method', 'route'],
    buckets: [...new Set([0.025, 0.05, 0.1, ${{ values.slo.latencyThresholdMs / 1000 }}, 0.5, 1, 2.5, 5])].sort((a, b) => a - b),
    registers: [registry],
  });
  return { registry, requests, duration };
}

export type Metrics = ReturnType<typeof createMetrics>;
