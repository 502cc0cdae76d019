import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi.generated';

/** The router generated from openapi.yaml, typed by its paths. */
export type OnCallRouter = ApiRouter<typeof spec>;
