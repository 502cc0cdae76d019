import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  bodySizeLimit,
  expensiveRouteRateLimit,
  readRequestLimits,
} from './requestLimits';

/**
 * Browser features the portal never uses, switched off for every response
 * (helmet, run by the defaults, sets the other security headers and the
 * CSP from backend.csp).
 */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/**
 * Backstage's root HTTP router with the portal's request limits in front
 * of every plugin: body sizes (413) and rate limits on expensive
 * endpoints (429), answered before a plugin spends any work.
 */
export const portalRootHttpRouterServiceFactory = rootHttpRouterServiceFactory({
  configure({ app, config, applyDefaults }) {
    const limits = readRequestLimits(config);
    app.use((_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    });
    app.use(bodySizeLimit(limits));
    app.use(expensiveRouteRateLimit(limits));
    applyDefaults();
  },
});
