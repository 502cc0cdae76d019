import { Config } from '@backstage/config';
import { ErrorResponseBody } from '@backstage/errors';
import { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/**
 * Endpoints that cost the portal real work per call: running templates,
 * ingesting bills, generating rules, registering locations and exporting.
 * Each group has its own budget per signed-in user (per client address for
 * other callers), so one cannot starve another. Paths are matched in their
 * routed form (see routedPath).
 */
export const EXPENSIVE_ROUTES: Array<{
  name: string;
  method: string;
  path: RegExp;
}> = [
  {
    name: 'scaffolder dry-runs',
    method: 'POST',
    path: /^\/api\/scaffolder\/v2\/dry-run$/,
  },
  {
    name: 'scaffolder runs',
    method: 'POST',
    path: /^\/api\/scaffolder\/v2\/tasks$/,
  },
  {
    name: 'catalog registrations',
    method: 'POST',
    path: /^\/api\/catalog\/(locations|analyze-location)$/,
  },
  { name: 'cost imports', method: 'POST', path: /^\/api\/cost\/imports$/ },
  { name: 'SLO rule generation', method: 'POST', path: /^\/api\/slo\/rules$/ },
  // Every plugin's exports: /export.csv, /summary.csv, /export.json ...
  {
    name: 'exports',
    method: 'GET',
    path: /^\/api\/[^/]+\/(.+\/)?[^/]*\.(csv|json)$|^\/api\/[^/]+\/(.+\/)?export[^/]*$/,
  },
];

/**
 * Backstage's own infrastructure, never limited with user routes: the
 * health checks and each plugin's /.backstage/ and /.well-known/ routes
 * (JWKS, OpenAPI spec). Service-to-service token checks fetch the JWKS, so
 * a budget spent there by anyone would turn away every signed-in user.
 */
const INFRASTRUCTURE_ROUTE =
  /^\/\.backstage(\/|$)|^\/api\/[^/]+\/\.(backstage|well-known)(\/|$)/;

/**
 * Body limits: imports carry whole billing exports, and Trivy reports of
 * large images run to megabytes (the compliance plugin caps them at 20 MB).
 */
const IMPORT_ROUTE =
  /^\/api\/cost\/imports$|^\/api\/compliance\/entities\/[^/]+\/[^/]+\/[^/]+\/trivy$/;

export interface RequestLimits {
  /** The largest request body, in bytes, except imports. */
  maxRequestBytes: number;
  /** The largest import (a FOCUS export), in bytes. */
  maxImportBytes: number;
  /** Calls per minute, user or client address to each group of expensive routes. */
  expensiveRequestsPerMinute: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxRequestBytes: 5 * 1024 * 1024,
  maxImportBytes: 200 * 1024 * 1024,
  expensiveRequestsPerMinute: 60,
};

/** `gogidix.http.*`, each a positive whole number when set. */
export function readRequestLimits(config: Config): RequestLimits {
  const limits = { ...DEFAULT_REQUEST_LIMITS };
  for (const key of Object.keys(limits) as Array<keyof RequestLimits>) {
    const value = config.getOptionalNumber(`gogidix.http.${key}`);
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `gogidix.http.${key} must be a positive whole number, got ${value}`,
      );
    }
    limits[key] = value;
  }
  return limits;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function sendError(
  req: Request,
  res: Response,
  statusCode: number,
  name: string,
  message: string,
) {
  const body: ErrorResponseBody = {
    error: { name, message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode },
  };
  res.status(statusCode).json(body);
}

/**
 * The path as express routes it: routing ignores case, a trailing slash and
 * repeated slashes after a plugin's mount point. Escapes are decoded and all
 * slashes merged too, for spellings a proxy in front may route the same way.
 * Matching more spellings than express routes only ever limits a 404.
 */
export function routedPath(path: string): string {
  let decoded = path;
  // Decoded until stable: %2572 is %72 once decoded, r twice.
  for (let i = 0; i < 3 && decoded.includes('%'); i++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  const merged = decoded.toLowerCase().replace(/\/{2,}/g, '/');
  return merged.length > 1 ? merged.replace(/\/$/, '') : merged;
}

const pathOf = (req: Request) => routedPath(req.path);

/**
 * Refuses a body declared larger than its route accepts, before any plugin
 * reads it. Bodies streamed without a length are bounded as they are read:
 * by each plugin's JSON parser, and imports by the cost plugin, which counts
 * the bytes it receives and, for gzip, the bytes it decompresses.
 */
export function bodySizeLimit(limits: RequestLimits): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const isImport = IMPORT_ROUTE.test(pathOf(req));
    const max = isImport ? limits.maxImportBytes : limits.maxRequestBytes;
    if (Number.isFinite(declared) && declared > max) {
      const key = isImport ? 'maxImportBytes' : 'maxRequestBytes';
      sendError(
        req,
        res,
        413,
        'PayloadTooLargeError',
        `The request body is ${megabytes(declared)}; ${req.method} ${pathOf(
          req,
        )} accepts at most ${megabytes(max)} (gogidix.http.${key})`,
      );
      return;
    }
    next();
  };
}

/**
 * The signed-in user a request comes from, from a verified token only;
 * undefined for anyone else (no token, a service token, or one that does not
 * verify), who are then counted by client address.
 */
export type VerifiedUserOf = (req: Request) => Promise<string | undefined>;

/**
 * One budget per group of expensive routes and signed-in user, or client
 * address for callers that are not. A user is known only from a token whose
 * signature was checked: an unverified `sub` would let anyone mint a fresh
 * budget per request.
 */
export function expensiveRouteRateLimit(
  limits: RequestLimits,
  verifiedUserOf: VerifiedUserOf = async () => undefined,
): RequestHandler {
  const keyOf = async (req: Request) => {
    const user = await verifiedUserOf(req).catch(() => undefined);
    // req.ip honours backend.trustProxy (express `trust proxy`), which the
    // Helm chart sets to its ingress's hop count.
    return user ? `user:${user}` : `ip:${ipKeyGenerator(req.ip ?? '')}`;
  };
  const limiters = EXPENSIVE_ROUTES.map(route => ({
    route,
    limiter: rateLimit({
      windowMs: 60_000,
      limit: limits.expensiveRequestsPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      keyGenerator: keyOf,
      validate: { trustProxy: false, xForwardedForHeader: false },
      handler: (req, res) =>
        sendError(
          req,
          res,
          429,
          'TooManyRequestsError',
          `Too many ${route.name}: at most ${
            limits.expensiveRequestsPerMinute
          } a minute per user or client; retry after ${
            res.getHeader('retry-after') ?? 60
          } s`,
        ),
    }),
  }));
  return (req, res, next) => {
    const path = pathOf(req);
    const match =
      !INFRASTRUCTURE_ROUTE.test(path) &&
      limiters.find(
        ({ route }) => route.method === req.method && route.path.test(path),
      );
    if (!match) {
      next();
      return;
    }
    match.limiter(req, res, next);
  };
}
