import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';
import Router from 'express-promise-router';

/** What the test plugin's one route records, and when it refuses. */
export interface AuditingPluginOptions {
  pluginId: string;
  /** The POST route, e.g. `/:service`. */
  path: string;
  eventId: string;
  meta(req: Request): JsonObject;
  /** An error to fail the event with and throw; none means success. */
  refuse?(req: Request): Error | undefined;
}

/**
 * A backend plugin with one POST route that records an auditor event the
 * way the portal's plugins do: created from the request, then failed with
 * the refusal (which is thrown, so the error handler answers it) or
 * succeeded with 201. For tests of what the audit trail stores.
 */
export function auditingPlugin(options: AuditingPluginOptions) {
  return createBackendPlugin({
    pluginId: options.pluginId,
    register(env) {
      env.registerInit({
        deps: {
          auditor: coreServices.auditor,
          httpRouter: coreServices.httpRouter,
        },
        async init({ auditor, httpRouter }) {
          const router = Router();
          router.post(options.path, async (req, res) => {
            const event = await auditor.createEvent({
              eventId: options.eventId,
              severityLevel: 'medium',
              request: req,
              meta: options.meta(req),
            });
            const error = options.refuse?.(req);
            if (error) {
              await event.fail({ error });
              throw error;
            }
            await event.success();
            res.status(201).json({});
          });
          httpRouter.use(router);
        },
      });
    },
  });
}
