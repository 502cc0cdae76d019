import http from 'node:http';
import { startServerProcess } from './startServerProcess';

// A stand-in server: listens on the port it is given and prints the one it got.
const nodeServer = (listen: string) => [
  '-e',
  `require('http').createServer((q, s) => s.end('hi')).listen(${listen}, '127.0.0.1', function () { console.error('listening on ' + this.address().port); });`,
];

describe('startServerProcess', () => {
  it('resolves with the port the server chose, and stops it', async () => {
    const server = await startServerProcess('node', nodeServer('0'), {
      listening: /listening on (\d+)/,
    });
    try {
      expect(server.port).toBeGreaterThan(0);
      const body = await new Promise<string>((resolve, reject) =>
        http
          .get(`http://127.0.0.1:${server.port}/`, res => {
            res.setEncoding('utf8');
            let text = '';
            res.on('data', chunk => (text += chunk));
            res.on('end', () => resolve(text));
          })
          .on('error', reject),
      );
      expect(body).toBe('hi');
    } finally {
      await server.stop();
    }
  });

  it('explains a server that exits before it listens', async () => {
    await expect(
      startServerProcess('sh', ['-c', 'echo "bad flag --x" >&2; exit 2'], {
        listening: /listening on (\d+)/,
      }),
    ).rejects.toThrow(
      /^`sh -c 'echo "bad flag --x" >&2; exit 2'` exited with code 2 \(exited before it was listening\)\n--- stderr ---\nbad flag --x/,
    );
  });

  it('explains a server that never says where it listens', async () => {
    await expect(
      startServerProcess('sleep', ['30'], {
        listening: /listening on (\d+)/,
        startupMs: 200,
      }),
    ).rejects.toThrow(
      '`sleep 30` was killed by SIGKILL (printed no listening port in 200 ms)',
    );
  });
});
