import { AddressInfo, createServer } from 'node:net';

/**
 * A loopback URL where nothing listens: a port that was free a moment ago,
 * rather than a hand-picked one that another run may be using.
 */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
