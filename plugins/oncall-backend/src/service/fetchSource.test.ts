import { mockServices } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { fetchSourceJson } from './fetchSource';

const TOKEN = 's.Echo3dBackT0ken';

/** A source that refuses every request and echoes the credential it got. */
function startEchoingSource(status: number, body: (token: string) => string) {
  return new Promise<{ server: Server; url: string }>(resolve => {
    const server = createServer((req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body(String(req.headers.authorization ?? '')));
    }).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/api` });
    });
  });
}

describe('fetchSourceJson', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach(s => s.close()));

  async function failWith(status: number, body: (token: string) => string) {
    const { server, url } = await startEchoingSource(status, body);
    servers.push(server);
    const logger = mockServices.logger.mock();
    const error = (await fetchSourceJson('Vault at http://vault', url, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      timeoutMs: 2000,
      logger,
      credential: 'onCall.vault.token',
    }).catch((e: Error) => e)) as Error;
    return { error, logger };
  }

  it.each([
    [
      401,
      /answered 401 Unauthorized: the credential was refused; check onCall\.vault\.token/,
    ],
    [
      403,
      /answered 403 Forbidden: the credential was refused; check onCall\.vault\.token/,
    ],
    [
      404,
      /answered 404 Not Found: check that the configured address points at the API/,
    ],
    [502, /answered 502 Bad Gateway: the source is failing; check its health/],
  ])(
    'shows a %s as the source, the status and what to check, never the answer',
    async (status, message) => {
      const { error, logger } = await failWith(
        status,
        token => `{"errors":["token '${token}' refused"]}`,
      );
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toMatch(/^Vault at http:\/\/vault /);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).not.toContain('refused"');
      expect(logger.warn).toHaveBeenCalledWith(
        `Vault at http://vault answered ${status}: {"errors":["token '[redacted]' refused"]}`,
      );
    },
  );

  it('logs a long answer cut short', async () => {
    const { logger } = await failWith(
      500,
      token => `${token} ${'x'.repeat(500)}`,
    );
    const [line] = logger.warn.mock.calls[0];
    expect(line).not.toContain(TOKEN);
    expect(line.length).toBeLessThan(300);
  });

  it('does not show an answer that is not JSON', async () => {
    const { server, url } = await new Promise<{ server: Server; url: string }>(
      resolve => {
        const s = createServer((req, res) =>
          res.end(`<html>Welcome ${req.headers.authorization}</html>`),
        ).listen(0, '127.0.0.1', () =>
          resolve({
            server: s,
            url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`,
          }),
        );
      },
    );
    servers.push(server);
    const logger = mockServices.logger.mock();
    const error = (await fetchSourceJson('Grafana', url, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      timeoutMs: 2000,
      logger,
      credential: 'x',
    }).catch((e: Error) => e)) as Error;
    expect(error.message).toBe(
      'Grafana answered 200 with something that is not JSON: check that its address points at the API, not a login page or proxy',
    );
    expect(logger.warn.mock.calls[0][0]).not.toContain(TOKEN);
  });
});
