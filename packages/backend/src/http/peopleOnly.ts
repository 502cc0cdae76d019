import { HttpAuthService } from '@backstage/backend-plugin-api';
import { RequestHandler } from 'express';

/**
 * Plugins that serve people only. The MCP endpoint is where an AI assistant
 * calls the portal's actions with the person's own Backstage token; a
 * service token there would let an assistant act as no one in particular.
 */
export const PEOPLE_ONLY_PLUGINS = new Set(['mcp-actions']);

/**
 * Refuses (403) every caller that is not a signed-in user. It runs after
 * the credentials barrier, which has already answered 401 to callers with
 * no token.
 */
export function peopleOnly(httpAuth: HttpAuthService): RequestHandler {
  return (req, _res, next) => {
    httpAuth.credentials(req, { allow: ['user'] }).then(() => next(), next);
  };
}
