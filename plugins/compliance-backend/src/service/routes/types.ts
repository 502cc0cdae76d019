import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi.generated';

/** The router generated from openapi.yaml, typed by its paths. */
export type ComplianceRouter = ApiRouter<typeof spec>;

/** Whether the caller holds a permission without a resource. */
export type Allowed = (
  credentials: BackstageCredentials,
  permission: BasicPermission,
) => Promise<boolean>;

/** Of `refs`, those the caller holds the permission on. */
export type AllowedFor = (
  credentials: BackstageCredentials,
  permission: ResourcePermission<'catalog-entity'>,
  refs: string[],
) => Promise<Set<string>>;
