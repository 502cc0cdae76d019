/**
 * A short-lived, permission-aware cache in front of the catalog's hot read
 * endpoints.
 *
 * @packageDocumentation
 */

export {
  catalogModuleReadCache as default,
  createCatalogModuleReadCache,
} from './module';
export { READ_CACHE_HEADER } from './service/readCacheMiddleware';
