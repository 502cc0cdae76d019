import { IncomingMessage, ServerResponse, createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { Metrics, createMetrics } from './metrics';

export const SERVICE = '${{ values.name }}';

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * The service's HTTP server: health endpoints for the kubelet, Prometheus
 * metrics, the OpenAPI document and the API itself. Every request is logged
 * as one JSON line and counted.
 */
export function createApp(options: { logger?: pino.Logger; metrics?: Metrics } = {}) {
  const logger = options.logger ?? pino({ name: SERVICE });
  const metrics = options.metrics ?? createMetrics(SERVICE);
  let ready = true;

  const routes = new Map<string, Handler>(Object.entries({
    'GET /healthz': (_req, res) => json(res, 200, { status: 'ok' }),
    'GET /readyz': (_req, res) =>
      json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'draining' }),
    'GET /metrics': async (_req, res) => {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
    'GET /openapi.yaml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      res.end(readFileSync(path.join(__dirname, '..', 'openapi.yaml')));
    },
    'GET /v1/info': (_req, res) =>
      json(res, 200, { service: SERVICE, version: process.env.npm_package_version ?? '0.1.0' }),
  } satisfies Record<string, Handler>));

  const server = createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = `${req.method} ${url.pathname}`;
    const handler = routes.get(key);
    const route = handler ? url.pathname : 'unmatched';
    try {
      if (handler) {
        await handler(req, res);
      } else {
        json(res, 404, { error: `No route for ${key}` });
      }
    } catch (error) {
      logger.error({ err: error, route }, 'request failed');
      json(res, 500, { error: 'internal error' });
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.requests.inc({ method: req.method, route, code: res.statusCode });
      metrics.duration.observe({ method: req.method, route }, seconds);
      logger.info({ method: req.method, route, status: res.statusCode, seconds }, 'request');
    }
  });

  return {
    server,
    /** Readiness goes down first so the mesh stops sending traffic before shutdown. */
    drain() {
      ready = false;
    },
  };
}
