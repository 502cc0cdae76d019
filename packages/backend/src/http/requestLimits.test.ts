import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { freePort } from '@gogidix/test-kit';
import express from 'express';
import Router from 'express-promise-router';
import crypto from 'node:crypto';
import request from 'supertest';
import {
  PERMISSIONS_POLICY,
  portalRootHttpRouterServiceFactory,
} from './rootHttpRouter';
import { EXPENSIVE_ROUTES, routedPath } from './requestLimits';

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

/** Stands in for the auth backend: publishes the keys user tokens are signed with. */
const signingKey = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KID = 'test-key';
function authKeysPlugin() {
  return createBackendPlugin({
    pluginId: 'auth',
    register(env) {
      env.registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          const router = Router();
          router.get('/.well-known/jwks.json', (_req, res) => {
            const jwk = signingKey.publicKey.export({ format: 'jwk' });
            res.json({
              keys: [{ ...jwk, kid: KID, alg: 'ES256', use: 'sig' }],
            });
          });
          httpRouter.use(router);
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        },
      });
    },
  });
}

/** A Backstage user token for `sub`, signed with `key` (the auth backend's by default). */
function userToken(sub: string, key = signingKey.privateKey) {
  const part = (value: object) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const signed = `${part({
    alg: 'ES256',
    kid: KID,
    typ: 'vnd.backstage.user',
  })}.${part({
    sub,
    ent: [sub],
    aud: 'backstage',
    iat: now,
    exp: now + 3600,
  })}`;
  const signature = crypto.sign('sha256', Buffer.from(signed), {
    key,
    dsaEncoding: 'ieee-p1363',
  });
  return `Bearer ${signed}.${signature.toString('base64url')}`;
}

async function start(
  limits: Record<string, number> = {},
  backendConfig: Record<string, unknown> = {},
) {
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
          ...backendConfig,
        },
        gogidix: { http: limits },
      },
    }),
    ...['cost', 'scaffolder', 'slo', 'catalog', 'compliance'].map(id =>
      countingPlugin(id, reached),
    ),
    authKeysPlugin(),
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
    [
      'a JSON body over the limit sent to a spelling of the route',
      '/api/SLO/rules/',
      'application/json',
      2048,
      413,
      'The request body is 0.0 MB; POST /api/slo/rules accepts at most 0.0 MB (gogidix.http.maxRequestBytes)',
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
        /at most 3 a minute per user or client; retry after \d+ s$/,
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

  it('never counts the JWKS and other Backstage routes against a budget', async () => {
    const { server, reached, backend } = await start();
    // One more than a minute's budget for exports, from one address.
    for (let i = 0; i < 61; i++) {
      const res = await request(server).get('/api/auth/.well-known/jwks.json');
      expect(res.status).toBe(200);
      const keys = await request(server).get(
        '/api/slo/.backstage/auth/v1/jwks.json',
      );
      expect(keys.status).toBe(200);
    }
    // The caller's export budget is untouched.
    expect((await request(server).get('/api/slo/summary.csv')).status).toBe(
      200,
    );
    expect(reached).toEqual(['GET /api/slo/summary.csv']);
    await backend.stop();
  });

  it('limits a route under every spelling express routes to it', async () => {
    const { server, reached, backend } = await start({
      expensiveRequestsPerMinute: 3,
    });
    const spellings = [
      '/api/slo/rules/',
      '/api/SLO/rules',
      '/api/slo/%72ules',
      '/api/slo/rules',
      '//api/slo/rules',
      '/api/%73lo/Rules/',
      '/api/slo//rules',
    ];
    const statuses = [];
    for (const path of spellings) {
      statuses.push((await request(server).post(path).send({})).status);
    }
    expect(statuses.slice(3)).toEqual([429, 429, 429, 429]);
    expect(reached.length).toBeLessThanOrEqual(3);
    await backend.stop();
  });

  it('gives each signed-in user their own budget, whatever their address', async () => {
    const { server, reached, backend } = await start({
      expensiveRequestsPerMinute: 2,
    });
    const exportAs = (authorization?: string) => {
      const req = request(server).get('/api/cost/export.csv');
      return authorization ? req.set('authorization', authorization) : req;
    };
    const jane = userToken('user:default/jane');
    const john = userToken('user:default/john');
    expect((await exportAs(jane)).status).toBe(200);
    expect((await exportAs(jane)).status).toBe(200);
    expect((await exportAs(jane)).status).toBe(429);
    // Same address, another user: a budget of their own.
    expect((await exportAs(john)).status).toBe(200);
    // Callers without a verified token share the address's budget; a token
    // claiming a user but signed by someone else is one of them.
    const forged = userToken(
      'user:default/nobody',
      crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
    );
    expect((await exportAs()).status).toBe(200);
    expect((await exportAs()).status).toBe(200);
    expect((await exportAs(forged)).status).toBe(429);
    expect((await exportAs('Bearer not-a-token')).status).toBe(429);
    expect((await exportAs(john)).status).toBe(200);
    expect(reached).toHaveLength(6);
    await backend.stop();
  });

  it.each([
    [
      'with backend.trustProxy: 1 (one ingress)',
      { trustProxy: 1 },
      // The address the ingress saw is the client, whatever it was sent.
      ['6.6.6.6, 203.0.113.1', '7.7.7.7, 203.0.113.1', '203.0.113.2'],
      [200, 429, 200],
    ],
    [
      'without trustProxy',
      {},
      // X-Forwarded-For is ignored: everything comes from the test's address.
      ['203.0.113.1', '203.0.113.2', '203.0.113.3'],
      [200, 429, 429],
    ],
  ])(
    'keys anonymous callers by client address %s',
    async (_name, backendConfig, forwardedFor, statuses) => {
      const { server, backend } = await start(
        { expensiveRequestsPerMinute: 1 },
        backendConfig,
      );
      const seen = [];
      for (const xff of forwardedFor) {
        const res = await request(server)
          .get('/api/cost/export.csv')
          .set('x-forwarded-for', xff);
        seen.push(res.status);
      }
      expect(seen).toEqual(statuses);
      await backend.stop();
    },
  );

  it.each([
    ['/api/slo/rules/', '/api/slo/rules'],
    ['/api/SLO/Rules', '/api/slo/rules'],
    ['//api//slo///rules//', '/api/slo/rules'],
    ['/api/slo/%72ules', '/api/slo/rules'],
    ['/api/cost/%2569mports', '/api/cost/imports'],
    ['/api/slo/%E0%A4%A', '/api/slo/%e0%a4%a'],
    ['/', '/'],
  ])('matches %s as %s', (path, routed) => {
    expect(routedPath(path)).toBe(routed);
  });

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
