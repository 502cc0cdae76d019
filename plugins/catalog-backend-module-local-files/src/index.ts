/**
 * Catalog placeholders (`$text`, `$yaml`, `$json`) that work for catalog files
 * on local disk as well as for URLs.
 *
 * @packageDocumentation
 */

export { catalogModuleLocalFiles as default } from './module';
