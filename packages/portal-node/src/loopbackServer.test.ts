import { startLoopbackServer } from './loopbackServer';

describe('startLoopbackServer', () => {
  it('answers JSON with the handler’s status and headers, on loopback', async () => {
    const server = await startLoopbackServer((_req, url) => ({
      status: 200,
      body: { page: url.searchParams.get('page') },
      headers: { Link: '<http://x/?page=2>; rel="next"' },
    }));
    try {
      expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.baseUrl}/items?page=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('link')).toBe('<http://x/?page=2>; rel="next"');
      expect(await res.json()).toEqual({ page: '1' });
    } finally {
      await server.stop();
    }
  });

  it('answers 500 with the message when the handler throws', async () => {
    const server = await startLoopbackServer(() => {
      throw new Error('no such page');
    });
    try {
      const res = await fetch(server.baseUrl);
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        error: { message: 'Error: no such page' },
      });
    } finally {
      await server.stop();
    }
  });
});
