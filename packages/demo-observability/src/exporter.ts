import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DemoCounter } from './counters';
import { scrapeText } from './exposition';

export interface RunningExporter {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the demo services' counters on `GET /metrics` in the Prometheus
 * text format, as each service's own /metrics would. `now` is Unix seconds.
 */
export function startExporter(options: {
  counters: DemoCounter[];
  host: string;
  port: number;
  now?: () => number;
}): Promise<RunningExporter> {
  const now = options.now ?? (() => Date.now() / 1000);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('The demo exporter serves GET /metrics only.\n');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
    res.end(scrapeText(options.counters, now()));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>(done => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
