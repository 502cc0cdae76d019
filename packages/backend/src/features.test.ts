import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { portalBackendFeatures } from './features';
import { readAppConfig } from './__testUtils__/appConfig';

// Starting every plugin (the Kubernetes client is large) takes more than
// jest's default 5 s on a busy machine.

describe('the portal backend', () => {
  const config = {
    ...readAppConfig(),
    backend: {
      baseUrl: 'http://localhost:7007',
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    catalog: { locations: [] },
    // Generating the demo bill takes a second; plugin tests cover it.
    cost: { demo: false },
  };

  async function start(env: NodeJS.ProcessEnv) {
    return startTestBackend({
      features: [
        ...portalBackendFeatures(env),
        mockServices.rootConfig.factory({ data: config }),
        // The real authentication services: the test doubles would let
        // anonymous requests through.
        authServiceFactory,
        httpAuthServiceFactory,
      ],
    });
  }

  it('starts every plugin it declares, each behind authentication', async () => {
    const backend = await start({ NODE_ENV: 'test' });
    const routes: Array<['get' | 'post', string]> = [
      ['get', '/api/catalog/entities'],
      ['get', '/api/catalog/entities/unprocessed/failed'],
      ['get', '/api/scaffolder/v2/actions'],
      ['get', '/api/search/query'],
      ['post', '/api/permission/authorize'],
      ['get', '/api/notifications/'],
      ['get', '/api/user-settings/buckets/home/keys/layout'],
      ['get', '/api/events/bus/v1/subscriptions/x/events'],
      ['get', '/api/oncall/alerts'],
      ['get', '/api/kubernetes/clusters'],
      ['get', '/api/cost/overview'],
      ['get', '/api/slo/summary'],
      ['get', '/api/compliance/summary'],
      ['get', '/api/audit/events'],
      ['post', '/api/mcp-actions/v1'],
    ];
    for (const [method, route] of routes) {
      const res = await request(backend.server)[method](route);
      expect({ route, status: res.status }).toEqual({ route, status: 401 });
    }
    await backend.stop();
  });

  it('lets a guest sign in as the configured demo user outside production', async () => {
    // The guest provider checks NODE_ENV itself; jest runs with 'test'.
    const jestEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    const backend = await start({ NODE_ENV: 'development' });
    try {
      const res = await request(backend.server).get('/api/auth/guest/refresh');
      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity.userEntityRef).toBe(
        'user:default/jane.doe',
      );
    } finally {
      process.env.NODE_ENV = jestEnv;
      await backend.stop();
    }
  });

  it('has no guest sign-in in production', async () => {
    const backend = await start({ NODE_ENV: 'production' });
    const res = await request(backend.server).get('/api/auth/guest/refresh');
    expect(res.status).toBe(404);
    await backend.stop();
  });
});
