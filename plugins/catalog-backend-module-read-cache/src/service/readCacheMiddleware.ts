import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import express, { NextFunction, Request, Response } from 'express';
import { CatalogAnswer, CatalogReadCache } from './CatalogReadCache';
import { ReadDecisions } from './ReadDecisions';
import { SharedAnswers } from './SharedAnswers';
import { captureAnswer } from './captureAnswer';
import {
  CachedRoute,
  cacheKeyOf,
  cachedRouteOf,
  mayWriteCatalog,
} from './cachedRoutes';

/**
 * Says how a read was answered: `hit` (from the cache), `shared` (from the
 * cache another replica kept in the shared store), `miss` (by the
 * catalog, and kept if it was a complete 200) or `bypass` (by the catalog,
 * not eligible: the caller's read permission is not an unconditional allow,
 * or the request body is not JSON).
 */
export const READ_CACHE_HEADER = 'x-catalog-read-cache';

/** The catalog's own body parser (the OpenAPI router's default `express.json()`). */
const parseJson = express.json();

/**
 * Express middleware placed in the catalog's router chain, before the
 * catalog's own routes. It answers the hot reads from the cache for callers
 * the catalog would show everything to, and hands every other request to
 * the catalog unchanged (`next()`): the catalog stays the only judge of
 * authentication errors, conditional permissions and bad input.
 */
export function createReadCacheMiddleware(deps: {
  cache: CatalogReadCache;
  decisions: ReadDecisions;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  maxEntryBytes: number;
  /** The tier shared by all replicas, when the cache service is shared. */
  shared?: SharedAnswers;
}) {
  const { cache, decisions, httpAuth, auditor, maxEntryBytes, shared } = deps;

  return async function readCache(
    req: Request,
    res: Response,
    next: NextFunction,
  ) {
    const { method, path } = req;
    if (mayWriteCatalog(method, path)) {
      // Forget before (no read begun before the write is kept) and after
      // (the write has landed, or was cut off part-way), on every replica.
      cache.invalidate();
      await shared?.renew();
      res.once('close', () => {
        cache.invalidate();
        void shared?.renew();
      });
      next();
      return;
    }
    const route = cachedRouteOf(method, path);
    if (!route) {
      next();
      return;
    }
    let credentials;
    try {
      // The same principals the catalog's credentials barrier lets through;
      // the barrier ran before this middleware, so this is its cached result.
      credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
    } catch {
      next();
      return;
    }
    if (!(await decisions.mayReadEverything(credentials))) {
      res.setHeader(READ_CACHE_HEADER, 'bypass');
      next();
      return;
    }

    let body: unknown;
    if (route.name === 'by-refs') {
      if (!req.is('application/json')) {
        res.setHeader(READ_CACHE_HEADER, 'bypass');
        next();
        return;
      }
      try {
        await new Promise<void>((resolve, reject) =>
          parseJson(req, res, err => (err ? reject(err) : resolve())),
        );
      } catch (error) {
        // The catalog's router turns a body parser error into an InputError.
        next(new InputError((error as Error).message));
        return;
      }
      body = req.body;
    }

    const query = req.url.indexOf('?');
    const key = cacheKeyOf({
      method,
      path,
      search: query === -1 ? '' : req.url.slice(query + 1),
      body,
    });

    // A write through another replica shows as a new shared generation,
    // read after this request arrived; unreachable, this replica goes alone.
    const generation = shared && (await shared.generation());
    if (generation !== undefined) cache.follow(generation);

    const kept = cache.get(key);
    if (kept && !cache.claimRefresh(key)) {
      await serveAnswer(req, res, kept, route, 'hit');
      return;
    }
    const landing = kept ? undefined : await cache.inFlight(key);
    if (landing) {
      await serveAnswer(req, res, landing, route, 'hit');
      return;
    }

    const flight = cache.takeOff(key);
    if (shared && generation !== undefined) {
      // Another replica may hold it; renewing, only a younger one will do.
      const found = await shared.get(
        generation,
        key,
        kept ? cache.maxAgeMs / 2 : cache.maxAgeMs,
      );
      if (found) {
        flight.land(found.answer, found.ageMs);
        await serveAnswer(req, res, found.answer, route, 'shared');
        return;
      }
    }
    captureAnswer(res, {
      maxBytes: maxEntryBytes,
      onEnd: answer => {
        const stored = flight.land(answer);
        if (stored && answer && shared && generation !== undefined) {
          void shared.put(generation, key, answer, flight.ageMs());
        }
      },
    });
    res.setHeader(READ_CACHE_HEADER, 'miss');
    next();
  };

  async function serveAnswer(
    req: Request,
    res: Response,
    answer: CatalogAnswer,
    route: CachedRoute,
    how: 'hit' | 'shared',
  ) {
    // The catalog records every read for the audit trail; so does a hit.
    const event = await auditor.createEvent({
      eventId: route.name === 'facets' ? 'entity-facets' : 'entity-fetch',
      request: req,
      meta: auditMetaOf(route),
    });
    await event.success();

    res.status(200);
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.setHeader(READ_CACHE_HEADER, how);
    if (req.fresh) {
      // The caller holds this very answer (same ETag): as `res.send` does.
      res.status(304);
      res.removeHeader('content-type');
      res.removeHeader('content-length');
      res.end();
      return;
    }
    res.end(answer.body);
  }
}

/** The meta the catalog's router gives the same read's audit event. */
function auditMetaOf(route: CachedRoute): JsonObject {
  switch (route.name) {
    case 'by-name':
      return { queryType: 'by-name', entityRef: route.entityRef, cached: true };
    case 'by-query':
      return { queryType: 'by-query', cached: true };
    case 'by-refs':
      return { queryType: 'by-refs', cached: true };
    default:
      return { cached: true };
  }
}
