import { createOpenApiRouter } from '../../schema/openapi.generated';

/** The router generated from openapi.yaml, typed by its paths. */
export type OnCallRouter = Awaited<ReturnType<typeof createOpenApiRouter>>;
