import { freePort, sendJson, startStandIn, unreachableUrl } from './standIn';

describe('startStandIn', () => {
  it('serves the handler on a loopback port and logs each request', async () => {
    const standIn = await startStandIn((_req, res, url) =>
      sendJson(res, url.pathname === '/ok' ? 200 : 404, {
        q: url.searchParams.get('q'),
      }),
    );
    try {
      expect(standIn.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(`${standIn.baseUrl}/ok?q=1`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('application/json');
      expect(await ok.json()).toEqual({ q: '1' });
      const missing = await fetch(`${standIn.baseUrl}/missing`, {
        method: 'POST',
      });
      expect(missing.status).toBe(404);
      expect(
        standIn.requests.map(
          r => `${r.method} ${r.url.pathname}${r.url.search}`,
        ),
      ).toEqual(['GET /ok?q=1', 'POST /missing']);
    } finally {
      await standIn.stop();
    }
  });

  it('answers 500 when the handler throws', async () => {
    const standIn = await startStandIn(async () => {
      throw new Error('broken stand-in');
    });
    try {
      const res = await fetch(standIn.baseUrl);
      expect(res.status).toBe(500);
      expect(await res.text()).toContain('broken stand-in');
    } finally {
      await standIn.stop();
    }
  });

  it('stops listening, even with a keep-alive connection open', async () => {
    const standIn = await startStandIn((_req, res) => sendJson(res, 200, {}));
    await fetch(standIn.baseUrl, { keepalive: true });
    await standIn.stop();
    await expect(fetch(standIn.baseUrl)).rejects.toThrow();
  });
});

describe('freePort and unreachableUrl', () => {
  it('name a loopback port where nothing listens', async () => {
    expect(await freePort()).toBeGreaterThan(0);
    await expect(fetch(await unreachableUrl())).rejects.toThrow();
  });
});
