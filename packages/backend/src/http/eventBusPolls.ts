import { LifecycleService } from '@backstage/backend-plugin-api';
import { RequestHandler, Response } from 'express';

/** The events plugin's long poll: one subscriber waiting for its next events. */
const POLL = /^\/api\/events\/bus\/v1\/subscriptions\/[^/]+\/events$/;

/**
 * Ends the event bus's long polls when the backend stops.
 *
 * Every plugin that subscribes to the event bus keeps one request to
 * `/api/events/bus/v1/subscriptions/:id/events` open, which the events
 * plugin holds until an event arrives or its notify timeout (55 s) passes.
 * The HTTP server's stop waits for requests in flight, so without this a
 * stop (a rolling update's old pod, a test's backend) waits up to 55 s on
 * polls whose subscribers are stopping themselves. On shutdown a poll that
 * is waiting (its 202 already sent) is ended as its timeout would end it,
 * an empty 202 that tells the subscriber to ask again; one still reading
 * its events is cut, and polls that arrive after that are answered 503 at
 * once. A subscriber of another replica asks that replica's bus again,
 * and nothing is lost: undelivered events stay in the subscription.
 */
export function endEventBusPollsOnShutdown(
  lifecycle: LifecycleService,
): RequestHandler {
  const open = new Set<Response>();
  let stopping = false;

  lifecycle.addShutdownHook(() => {
    stopping = true;
    for (const res of open) {
      if (res.headersSent) {
        res.end();
      } else {
        res.destroy();
      }
    }
    open.clear();
  });

  return (req, res, next) => {
    if (req.method !== 'GET' || !POLL.test(req.path)) {
      next();
      return;
    }
    if (stopping) {
      res
        .status(503)
        .set('Retry-After', '1')
        .json({
          error: {
            name: 'ServiceUnavailableError',
            message: 'This backend is stopping; poll another replica',
          },
        });
      return;
    }
    open.add(res);
    res.on('close', () => open.delete(res));
    next();
  };
}
