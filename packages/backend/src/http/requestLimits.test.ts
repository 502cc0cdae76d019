import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import Router from 'express-promise-router';
import http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import {
  PERMISSIONS_POLICY,
  portalRootHttpRouterServiceFactory,
} from './rootHttpRouter';
import { EXPENSIVE_ROUTES } from './requestLimits';

jest.setTimeout(60_000);

/** Stands in for plugins: counts the requests that reach it. */
function countingPlugin(pluginId: string, reached: string[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = Router();
          router.use(express.raw({ type: '*/*', limit: '300mb' }));
          router.use((req, res) => {
            reached.push(`${req.method} ${req.originalUrl}`);
            res.json({ bytes: req.body?.length ?? 0 });
          });
          httpRouter.use(router);
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        },
      });
    },
  });
}

/** A port free on loopback, for the real root router to listen on. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise(resolve => probe.close(resolve));
  return port;
}

async function start(limits: Record<string, number> = {}) {
  const reached: string[] = [];
  const port = await freePort();
  // The real backend wiring: the test backend replaces the root router.
  const backend = createBackend();
  for (const feature of [
    portalRootHttpRouterServiceFactory,
    mockServices.rootConfig.factory({
      data: {
        backend: {
          listen: { host: '127.0.0.1', port },
          baseUrl: `http://127.0.0.1:${port}`,
        },
        gogidix: { http: limits },
      },
    }),
    ...['cost', 'scaffolder', 'slo', 'catalog', 'compliance'].map(id =>
      countingPlugin(id, reached),
    ),
    mockServices.rootLogger.factory(),
  ]) {
    backend.add(feature);
  }
  await backend.start();
  return { server: `http://127.0.0.1:${port}`, reached, backend };
}

describe('the portal root HTTP router', () => {
  it('sets the security headers and the content security policy', async () => {
    const { server, backend } = await start();
    const res = await request(server).get('/api/slo/anything');
    expect(res.headers).toMatchObject({
      'permissions-policy': PERMISSIONS_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    expect(res.headers['content-security-policy']).toContain(
      "object-src 'none'",
    );
    await backend.stop();
  });

  it.each([
    [
      'a JSON body over the limit',
      '/api/slo/rules',
      'application/json',
      2048,
      413,
      'The request body is 0.0 MB; POST /api/slo/rules accepts at most 0.0 MB (gogidix.http.maxRequestBytes)',
    ],
    [
      'an import over the import limit',
      '/api/cost/imports',
      'text/csv',
      8192,
      413,
      'The request body is 0.0 MB; POST /api/cost/imports accepts at most 0.0 MB (gogidix.http.maxImportBytes)',
    ],
  ])(
    'refuses %s with 413 before the plugin sees it',
    async (_name, path, type, size, status, message) => {
      const { server, reached, backend } = await start({
        maxRequestBytes: 1024,
        maxImportBytes: 4096,
      });
      const res = await request(server)
        .post(path)
        .set('content-type', type)
        .send('x'.repeat(size));
      expect(res.status).toBe(status);
      expect(res.body.error).toEqual({ name: 'PayloadTooLargeError', message });
      expect(reached).toEqual([]);
      await backend.stop();
    },
  );

  it('lets a body within its limit through: imports may be larger', async () => {
    const { server, reached, backend } = await start({
      maxRequestBytes: 1024,
      maxImportBytes: 4096,
    });
    const res = await request(server)
      .post('/api/cost/imports')
      .set('content-type', 'text/csv')
      .send('x'.repeat(3000));
    expect(res.status).toBe(200);
    expect(res.body.bytes).toBe(3000);
    // A Trivy report of a large image is an import too.
    const trivy = await request(server)
      .post('/api/compliance/entities/component/default/listings/trivy')
      .set('content-type', 'application/octet-stream')
      .send(Buffer.alloc(3000));
    expect(trivy.status).toBe(200);
    expect(reached).toEqual([
      'POST /api/cost/imports',
      'POST /api/compliance/entities/component/default/listings/trivy',
    ]);
    await backend.stop();
  });

  it('asks for a length instead of streaming an import of unknown size', async () => {
    const { server, reached, backend } = await start();
    // Node sends a body written in pieces without a length as chunked.
    const res = await new Promise<{
      status: number;
      body: { error: { name: string } };
    }>((resolve, reject) => {
      const req = http.request(
        `${server}/api/cost/imports`,
        { method: 'POST', headers: { 'content-type': 'text/csv' } },
        response => {
          let text = '';
          response.on('data', chunk => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, body: JSON.parse(text) }),
          );
        },
      );
      req.on('error', reject);
      req.write('a,b\n');
      req.end('1,2\n');
    });
    expect(res.status).toBe(411);
    expect(res.body.error.name).toBe('LengthRequiredError');
    expect(reached).toEqual([]);
    await backend.stop();
  });

  it.each([
    ['POST', '/api/scaffolder/v2/dry-run'],
    ['POST', '/api/scaffolder/v2/tasks'],
    ['POST', '/api/catalog/locations'],
    ['POST', '/api/cost/imports'],
    ['POST', '/api/slo/rules'],
    ['GET', '/api/cost/export.csv'],
    ['GET', '/api/slo/summary.csv'],
    ['GET', '/api/compliance/export.json'],
  ])(
    'rate limits %s %s per client with 429 naming the limit',
    async (method, path) => {
      const { server, reached, backend } = await start({
        expensiveRequestsPerMinute: 3,
      });
      const call = () =>
        method === 'GET'
          ? request(server).get(path)
          : request(server).post(path).send({});
      for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
      const limited = await call();
      expect(limited.status).toBe(429);
      expect(limited.body.error.name).toBe('TooManyRequestsError');
      expect(limited.body.error.message).toMatch(
        /at most 3 a minute per client; retry after \d+ s$/,
      );
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      expect(reached).toHaveLength(3);
      // Other routes, and other groups of expensive routes, still answer.
      expect((await request(server).get('/api/slo/summary')).status).toBe(200);
      const other = path.includes('dry-run')
        ? '/api/cost/imports'
        : '/api/scaffolder/v2/dry-run';
      expect((await request(server).post(other).send({})).status).toBe(200);
      await backend.stop();
    },
  );

  it('knows which routes are expensive', () => {
    const expensive = (method: string, path: string) =>
      EXPENSIVE_ROUTES.some(r => r.method === method && r.path.test(path));
    expect(expensive('GET', '/api/audit/export.csv')).toBe(true);
    expect(expensive('GET', '/api/scaffolder/v2/tasks')).toBe(false);
    expect(expensive('GET', '/api/catalog/entities')).toBe(false);
    expect(expensive('POST', '/api/catalog/entities/by-refs')).toBe(false);
    expect(expensive('GET', '/api/slo/summary')).toBe(false);
  });

  it('refuses a limit that is not a positive whole number, naming the key', async () => {
    await expect(start({ maxRequestBytes: -1 })).rejects.toThrow(
      'gogidix.http.maxRequestBytes must be a positive whole number, got -1',
    );
  });
});
