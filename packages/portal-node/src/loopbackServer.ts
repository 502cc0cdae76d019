import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A demo product's API, listening on loopback only: the stand-ins the
 * embedded default serves where a product cannot run on this machine
 * (PagerDuty, Grafana, Vault, GitHub), read by the production clients.
 */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, the port the kernel picked. */
  baseUrl: string;
  stop(): Promise<void>;
}

/** What a stand-in answers: a status and a JSON body. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  /** Headers besides `Content-Type`, e.g. GitHub's paging `Link`. */
  headers?: Record<string, string>;
}

export type JsonHandler = (
  req: IncomingMessage,
  url: URL,
) => JsonAnswer | Promise<JsonAnswer>;

/**
 * Serves a product's HTTP API on 127.0.0.1 and a port the kernel picks, so
 * nothing outside the machine can reach it and no port is ever taken from
 * someone else.
 */
export async function startLoopbackServer(
  handler: JsonHandler,
): Promise<LoopbackServer> {
  const server = http.createServer(
    (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      Promise.resolve()
        .then(() => handler(req, url))
        .catch(
          (error): JsonAnswer => ({
            status: 500,
            body: { error: { message: String(error) } },
          }),
        )
        .then(({ status, body, headers }) => {
          res.writeHead(status, {
            ...headers,
            'Content-Type': 'application/json',
          });
          res.end(JSON.stringify(body));
        });
    },
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
