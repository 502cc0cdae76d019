import http from 'node:http';
import { AddressInfo } from 'node:net';
import { runLoadOn } from './load';

/** A server that counts the requests carrying `token` and answers 200. */
async function countingServer(token: string) {
  const seen = { authorized: 0, refused: 0 };
  const server = http.createServer((req, res) => {
    if (req.headers.authorization === `Bearer ${token}`) {
      seen.authorized++;
      res.end('{}');
    } else {
      seen.refused++;
      res.statusCode = 401;
      res.end();
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, seen, baseUrl: `http://127.0.0.1:${port}` };
}

describe('runLoadOn', () => {
  const request = { name: 'ping', method: 'GET' as const, path: '/ping' };

  it('sends the load to every target at once and adds up what they answered', async () => {
    const a = await countingServer('a');
    const b = await countingServer('b');
    try {
      const run = await runLoadOn(
        [
          { baseUrl: a.baseUrl, token: 'a', connections: 2 },
          { baseUrl: b.baseUrl, token: 'b', connections: 2 },
        ],
        request,
        1,
      );
      expect(a.seen.authorized).toBeGreaterThan(0);
      expect(b.seen.authorized).toBeGreaterThan(0);
      // Both servers' requests are counted: one target's alone would be
      // about half. A request in flight when autocannon stops (at most
      // one per connection) may be served and not counted, or the reverse.
      const served = a.seen.authorized + b.seen.authorized;
      expect(Math.abs(run.requests - served)).toBeLessThanOrEqual(4);
      expect(run.errors).toBe(0);
      expect(run.p50).toBeLessThanOrEqual(run.p99);
    } finally {
      a.server.close();
      b.server.close();
    }
  });

  it("counts a target's refusals as errors", async () => {
    const a = await countingServer('a');
    try {
      const run = await runLoadOn(
        [{ baseUrl: a.baseUrl, token: 'wrong', connections: 1 }],
        request,
        1,
      );
      expect(a.seen.authorized).toBe(0);
      expect(run.errors).toBe(run.requests);
      expect(run.errors).toBeGreaterThan(0);
    } finally {
      a.server.close();
    }
  });
});
