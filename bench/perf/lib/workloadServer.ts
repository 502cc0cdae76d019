import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * Serves the generated workload's files over HTTP on loopback, so that both
 * catalogs read them through their URL readers from a url location.
 */
export async function serveWorkload(
  root: string,
  port: number,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/yaml' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return server;
}
