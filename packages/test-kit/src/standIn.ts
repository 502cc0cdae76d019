import http, { IncomingMessage, ServerResponse } from 'node:http';
import net, { AddressInfo } from 'node:net';

/** One request a stand-in received. */
export interface StandInRequest {
  method: string;
  /** The request URL, resolved against `http://stand-in`. */
  url: URL;
}

/** A running stand-in server on loopback. */
export interface StandIn {
  /** `http://127.0.0.1:<port>`, the port the kernel picked. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: StandInRequest[];
  /** Closes the server, open keep-alive connections included. */
  stop(): Promise<void>;
}

/** Answers one request; `url` is the parsed request URL. */
export type StandInHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => void | Promise<void>;

/**
 * Starts a stand-in for a product that cannot run here: the lifecycle only
 * (listen on 127.0.0.1 on a port the kernel picks, log each request, stop).
 * The product's routes and wire format are the handler's.
 */
export async function startStandIn(handler: StandInHandler): Promise<StandIn> {
  const requests: StandInRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push({ method: req.method ?? 'GET', url });
    Promise.resolve(handler(req, res, url)).catch(error => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` as JSON with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A loopback port that was free a moment ago, for a server that must be
 * told its port before it starts (or for a URL where nothing listens).
 */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise(resolve => probe.close(resolve));
  return port;
}

/** A loopback URL where nothing listens. */
export async function unreachableUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
