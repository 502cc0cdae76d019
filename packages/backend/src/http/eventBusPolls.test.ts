import { LifecycleService } from '@backstage/backend-plugin-api';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { endEventBusPollsOnShutdown } from './eventBusPolls';

const POLL = '/api/events/bus/v1/subscriptions/catalog.catalog/events';

/**
 * A server like the portal's root router in front of a bus that never has
 * events: each poll gets its 202 at once and is then held, as the events
 * plugin holds it until its notify timeout. `/slow` is an ordinary request
 * that ends when the test says.
 */
async function start() {
  const hooks: Array<() => void | Promise<void>> = [];
  const lifecycle = {
    addShutdownHook: (hook: () => void | Promise<void>) => hooks.push(hook),
  } as unknown as LifecycleService;
  let finishSlow = () => {};
  const app = express();
  app.use(endEventBusPollsOnShutdown(lifecycle));
  app.get(POLL, (_req, res) => {
    res.status(202);
    res.flushHeaders();
  });
  app.get('/slow', (_req, res) => {
    finishSlow = () => res.json({ done: true });
  });
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    finishSlow: () => finishSlow(),
    /** What the backend's stop does: the shutdown hooks and the server's close. */
    stop: () =>
      Promise.all([
        ...hooks.map(hook => hook()),
        new Promise<void>(resolve => {
          server.closeIdleConnections();
          server.close(() => resolve());
        }),
      ]),
  };
}

describe('endEventBusPollsOnShutdown', () => {
  it('ends a waiting poll with an empty 202 so that the server can stop', async () => {
    const server = await start();
    const poll = await fetch(`${server.base}${POLL}`);
    expect(poll.status).toBe(202);
    const body = poll.text();

    // Without the hook the close waits for the held poll, and this test
    // runs into its timeout.
    await server.stop();
    expect(await body).toBe('');
  });

  it('lets other requests in flight finish', async () => {
    const server = await start();
    const slow = fetch(`${server.base}/slow`);
    // The request is in the handler before the stop begins.
    await new Promise(resolve => setTimeout(resolve, 100));
    const stopped = server.stop();
    server.finishSlow();
    expect(await (await slow).json()).toEqual({ done: true });
    await stopped;
  });

  it('answers a poll that arrives once the backend is stopping with 503', async () => {
    const hooks: Array<() => void> = [];
    const app = express();
    app.use(
      endEventBusPollsOnShutdown({
        addShutdownHook: (hook: () => void) => hooks.push(hook),
      } as unknown as LifecycleService),
    );
    app.get(POLL, (_req, res) => res.status(202).end());
    app.get('/other', (_req, res) => res.json({ ok: true }));
    const server = http.createServer(app);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}${POLL}`)).status).toBe(202);
      hooks.forEach(hook => hook());
      const refused = await fetch(`${base}${POLL}`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect((await refused.json()).error.message).toBe(
        'This backend is stopping; poll another replica',
      );
      // Only the bus's polls: other routes answer as before.
      expect((await fetch(`${base}/other`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
