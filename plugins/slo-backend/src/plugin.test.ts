import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/config';
import request from 'supertest';
import { sloPlugin } from './plugin';

/** The plugin as the backend wires it, with only this config. */
async function backendWith(slo: JsonObject) {
  const backend = await startTestBackend({
    features: [
      sloPlugin,
      catalogServiceMock.factory({ entities: [] }),
      // The rounds are not what this checks: registered, never run.
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://portal.test' }, slo },
      }),
    ],
  });
  started.push(backend);
  return backend.server;
}
const started: Array<{ stop(): Promise<void> }> = [];

describe('sloPlugin', () => {
  afterEach(async () => {
    await Promise.all(started.splice(0).map(backend => backend.stop()));
  });

  it.each([
    ['nothing configured', 'none', {}],
    ['slo.demo: false', 'none', { demo: false }],
    ['slo.demo: true', 'demo', { demo: true }],
    [
      'slo.prometheus.baseUrl and slo.demo',
      'prometheus',
      { prometheus: { baseUrl: 'http://127.0.0.1:1' }, demo: true },
    ],
  ])('with %s, takes SLIs from %s', async (_, sliSource, slo) => {
    const server = await backendWith(slo);
    const res = await request(server)
      .get('/api/slo/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.sliSource).toBe(sliSource);
    if (sliSource === 'none') {
      expect(res.body.notice).toMatch(/set slo\.prometheus\.baseUrl/);
    } else {
      expect(res.body.notice).toBeUndefined();
    }
  });
});
