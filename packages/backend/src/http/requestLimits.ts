import { Config } from '@backstage/config';
import { ErrorResponseBody } from '@backstage/errors';
import { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * Endpoints that cost the portal real work per call: running templates,
 * ingesting bills, generating rules, registering locations and exporting.
 * Each group has its own budget per client address, so one cannot starve
 * another.
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
  /** Calls per minute and client address to each group of expensive routes. */
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

const pathOf = (req: Request) => req.path;

/**
 * Refuses a body declared larger than its route accepts, before any plugin
 * reads it. (Bodies sent without a length are bounded by each plugin's
 * JSON parser, and imports by the cost plugin as it streams them.)
 */
export function bodySizeLimit(limits: RequestLimits): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const isImport = IMPORT_ROUTE.test(pathOf(req));
    if (isImport && req.headers['transfer-encoding']) {
      // A streamed body of unknown length could not be bounded up front.
      sendError(
        req,
        res,
        411,
        'LengthRequiredError',
        'Send the import with a Content-Length header (e.g. curl --data-binary @focus.csv), not as a chunked stream',
      );
      return;
    }
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

/** One budget per group of expensive routes and client address. */
export function expensiveRouteRateLimit(limits: RequestLimits): RequestHandler {
  const limiters = EXPENSIVE_ROUTES.map(route => ({
    route,
    limiter: rateLimit({
      windowMs: 60_000,
      limit: limits.expensiveRequestsPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      // The root router sets `trust proxy` from backend.trustProxy, so
      // req.ip is the client's address behind a proxy.
      validate: { trustProxy: false, xForwardedForHeader: false },
      handler: (req, res) =>
        sendError(
          req,
          res,
          429,
          'TooManyRequestsError',
          `Too many ${route.name}: at most ${
            limits.expensiveRequestsPerMinute
          } a minute per client; retry after ${
            res.getHeader('retry-after') ?? 60
          } s`,
        ),
    }),
  }));
  return (req, res, next) => {
    const match = limiters.find(
      ({ route }) =>
        route.method === req.method && route.path.test(pathOf(req)),
    );
    if (!match) {
      next();
      return;
    }
    match.limiter(req, res, next);
  };
}
