import { HostDiscovery } from '@backstage/backend-defaults/discovery';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DefaultIdentityClient } from '@backstage/plugin-auth-node';
import fs from 'node:fs';
import { compressedAssets } from './compressedAssets';
import { endEventBusPollsOnShutdown } from './eventBusPolls';
import {
  bodySizeLimit,
  expensiveRouteRateLimit,
  readRequestLimits,
  VerifiedUserOf,
} from './requestLimits';

/**
 * Browser features the portal never uses, switched off for every response
 * (helmet, run by the defaults, sets the other security headers and the
 * CSP from backend.csp).
 */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/**
 * The built frontend's static files, where app-backend serves them from;
 * undefined when there is no build (`yarn start` serves the app itself).
 */
function appStaticDir(config: Config): string | undefined {
  const name = config.getOptionalString('app.packageName') ?? 'app';
  try {
    const dir = resolvePackagePath(name, 'dist', 'static');
    return fs.existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in user behind a Backstage user token, verified against the
 * auth backend's published keys (fetched once and cached, as plugins do).
 * Plugin-to-plugin service tokens are not user tokens and do not verify here.
 */
function verifiedUserOf(config: Config, logger: LoggerService): VerifiedUserOf {
  const identity = DefaultIdentityClient.create({
    discovery: HostDiscovery.fromConfig(config, { logger }),
  });
  return async req =>
    (await identity.getIdentity({ request: req }))?.identity.userEntityRef;
}

/**
 * Backstage's root HTTP router with the portal's request limits in front
 * of every plugin: body sizes (413) and rate limits on expensive
 * endpoints (429), answered before a plugin spends any work. The app's
 * hashed static files are served compressed once (see compressedAssets),
 * and a stop does not wait for the event bus's long polls (eventBusPolls).
 */
export const portalRootHttpRouterServiceFactory = rootHttpRouterServiceFactory({
  configure({ app, config, logger, middleware, applyDefaults, lifecycle }) {
    const limits = readRequestLimits(config);
    app.use(endEventBusPollsOnShutdown(lifecycle));
    app.use((_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    });
    app.use(bodySizeLimit(limits));
    app.use(expensiveRouteRateLimit(limits, verifiedUserOf(config, logger)));
    const staticDir = appStaticDir(config);
    if (staticDir) {
      app.use(
        compressedAssets({
          staticDir,
          logger,
          // A kept file skips the defaults below, so it gets their security
          // headers and request log here.
          before: [middleware.helmet(), middleware.logging()],
        }),
      );
    }
    applyDefaults();
  },
});
