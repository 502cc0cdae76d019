import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NO_SLI_SOURCE_NOTICE } from '@gogidix/plugin-slo-common';
import request from 'supertest';
import { sloPlugin } from './plugin';

const started: Array<{ stop(): Promise<void> }> = [];

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

describe('sloPlugin', () => {
  afterEach(async () => {
    await Promise.all(started.splice(0).map(backend => backend.stop()));
  });

  it.each([
    ['nothing configured', 'none', {}, NO_SLI_SOURCE_NOTICE],
    ['slo.demo: false', 'none', { demo: false }, NO_SLI_SOURCE_NOTICE],
    ['slo.demo: true', 'demo', { demo: true }, null],
    [
      'slo.prometheus.baseUrl and slo.demo',
      'prometheus',
      { prometheus: { baseUrl: 'http://127.0.0.1:1' }, demo: true },
      null,
    ],
  ])('with %s, takes SLIs from %s', async (_, sliSource, slo, notice) => {
    const server = await backendWith(slo);
    const res = await request(server)
      .get('/api/slo/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.sliSource).toBe(sliSource);
    expect(res.body.notice ?? null).toBe(notice);
  });
});
