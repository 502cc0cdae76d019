import assert from 'node:assert/strict';
import { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createApp } from './app';

describe('${{ values.name }}', () => {
  const app = createApp({ logger: pino({ level: 'silent' }) });
  let base = '';

  before(async () => {
    await new Promise<void>(resolve => app.server.listen(0, resolve));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(() => app.server.close());

  it('reports healthy and ready', async () => {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
  });

  it('serves its info endpoint as described in openapi.yaml', async () => {
    const res = await fetch(`${base}/v1/info`);
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(await res.json()).sort(), ['service', 'version']);
    const spec = await (await fetch(`${base}/openapi.yaml`)).text();
    assert.match(spec, /\/v1\/info:/);
  });

  it('counts requests by route and status for the SLOs', async () => {
    await fetch(`${base}/v1/info`);
    await fetch(`${base}/nowhere`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /http_requests_total\{method="GET",route="\/v1\/info",code="200",service="${{ values.name }}"\} \d+/);
    assert.match(metrics, /http_requests_total\{method="GET",route="unmatched",code="404",service="${{ values.name }}"\} 1/);
    assert.match(metrics, /http_request_duration_seconds_bucket\{le="${{ values.slo.latencyThresholdMs / 1000 }}"/);
  });

  it('stops being ready when draining', async () => {
    app.drain();
    assert.equal((await fetch(`${base}/readyz`)).status, 503);
  });
});
