import {
  createAuthIntegrationRouter,
  createCookieAuthRefreshMiddleware,
  createCredentialsBarrier,
  createLifecycleMiddleware,
  createRateLimitMiddleware,
} from '@backstage/backend-defaults/httpRouter';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import express, { ErrorRequestHandler } from 'express';
import { peopleOnly, PEOPLE_ONLY_PLUGINS } from './http/peopleOnly';
import { schedulerAdminsOnly } from './http/schedulerAdminsOnly';

/**
 * Codes of a database that is not reachable right now: socket errors, and
 * PostgreSQL's shutdown and connection classes (57P01-57P03, 08xxx).
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Knex: Timeout acquiring a connection/i,
  /the database system is (starting up|shutting down)/i,
];

/** True when the error, or one it wraps, says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const { code, name, message, cause } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (
      typeof code === 'string' &&
      (UNREACHABLE_CODES.has(code) || code.startsWith('08'))
    ) {
      return true;
    }
    if (name === 'KnexTimeoutError') {
      return true;
    }
    if (
      typeof message === 'string' &&
      UNREACHABLE_MESSAGES.some(pattern => pattern.test(message))
    ) {
      return true;
    }
    e = cause;
  }
  return false;
}

/**
 * Turns "the database is away" into 503 Service Unavailable, which clients
 * and load balancers retry, instead of a 500 that reads like a bug.
 */
export const databaseUnavailableAs503: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  next(
    isDatabaseUnavailable(error)
      ? new ServiceUnavailableError(
          'The portal cannot reach its database right now; retry in a few seconds',
          error,
        )
      : error,
  );
};

/**
 * The default per-plugin HTTP router (the same middleware, in the same
 * order, from the same public helpers) with `databaseUnavailableAs503` just
 * before the error handler: each plugin's router answers its own errors,
 * so the mapping has to sit in every plugin's router, catalog included.
 * The MCP endpoint's plugin also refuses callers that are not people, and
 * every plugin's scheduler routes are for platform admins only.
 */
export const httpRouterWithDatabaseErrors = createServiceFactory({
  service: coreServices.httpRouter,
  initialization: 'always',
  deps: {
    plugin: coreServices.pluginMetadata,
    config: coreServices.rootConfig,
    lifecycle: coreServices.lifecycle,
    rootHttpRouter: coreServices.rootHttpRouter,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    permissions: coreServices.permissions,
    logger: coreServices.logger,
  },
  async factory({
    auth,
    httpAuth,
    permissions,
    config,
    plugin,
    rootHttpRouter,
    lifecycle,
    logger,
  }) {
    const router = express.Router();
    router.use(createRateLimitMiddleware({ pluginId: plugin.getId(), config }));
    rootHttpRouter.use(`/api/${plugin.getId()}`, router);
    const credentialsBarrier = createCredentialsBarrier({ httpAuth, config });
    router.use(createAuthIntegrationRouter({ auth }));
    router.use(createLifecycleMiddleware({ config, lifecycle }));
    router.use(credentialsBarrier.middleware);
    if (PEOPLE_ONLY_PLUGINS.has(plugin.getId())) {
      router.use(peopleOnly(httpAuth));
    }
    router.use(createCookieAuthRefreshMiddleware({ auth, httpAuth }));
    router.use(
      '/.backstage/scheduler',
      schedulerAdminsOnly(httpAuth, permissions),
    );
    const pluginRoutes = express.Router();
    router.use(pluginRoutes);
    router.use(databaseUnavailableAs503);
    router.use(MiddlewareFactory.create({ config, logger }).error());
    return {
      use(handler) {
        pluginRoutes.use(handler);
      },
      addAuthPolicy(policy) {
        credentialsBarrier.addAuthPolicy(policy);
      },
    };
  },
});
