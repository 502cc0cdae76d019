import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClaimBook,
  ClaimResolution,
  claimsOf,
  NotConfigured,
  oncallEntityReadPermission,
  ownerRefOf,
} from '@gogidix/plugin-oncall-common';
import { authorizeOrThrow } from '@gogidix/portal-node';
import { Request } from 'express';

/** The answer for a source or annotation that is not set: what to set. */
export function notConfigured(configKey: string): NotConfigured {
  return { status: 'not-configured', configKey };
}

/** An annotation as a config key the not-configured answer names. */
export const annotationKey = (name: string) =>
  `metadata.annotations["${name}"]`;

/**
 * Who may read what: every route is for signed-in people and services only,
 * and each entity's data for those the policy lets read it.
 */
export class EntityAccess {
  constructor(
    private readonly options: {
      auth: AuthService;
      httpAuth: HttpAuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
      /** `gogidix.claims`: who holds a value two owners claim. */
      claims: ClaimResolution[];
    },
  ) {}

  credentials(req: Request): Promise<BackstageCredentials> {
    return this.options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
  }

  async authorize(
    credentials: BackstageCredentials,
    request: AuthorizePermissionRequest,
  ) {
    await authorizeOrThrow(
      this.options.permissions,
      credentials,
      request,
      `Not allowed to read ${
        request.resourceRef
          ? `the on-call data of ${request.resourceRef}`
          : 'every alert'
      }`,
    );
  }

  /** The entity a route addresses, once the caller may read it. */
  async entityFor(
    req: Request,
    ref: CompoundEntityRef,
    permission: ResourcePermission<'catalog-entity'> = oncallEntityReadPermission,
  ): Promise<Entity> {
    return this.entityForCaller(await this.credentials(req), ref, permission);
  }

  /**
   * The entity, once these credentials may read it: what routes and the
   * assistants' actions both ask.
   */
  async entityForCaller(
    credentials: BackstageCredentials,
    ref: CompoundEntityRef,
    permission: ResourcePermission<'catalog-entity'> = oncallEntityReadPermission,
  ): Promise<Entity> {
    const entityRef = stringifyEntityRef(ref);
    await this.authorize(credentials, { permission, resourceRef: entityRef });
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /**
   * An annotation value only one owner may hold: every entity claiming it is
   * read with the plugin's own credentials, since the caller may not see
   * the other claimant.
   */
  async checkClaim(entity: Entity, annotation: string, value: string) {
    const owner = ownerRefOf(entity);
    if (!owner) {
      throw new NotAllowedError(
        `${annotation} needs an owner (spec.owner) to hold it; set spec.owner`,
      );
    }
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { [`metadata.annotations.${annotation}`]: value },
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const book = new ClaimBook(
      [entity, ...items].flatMap(e => claimsOf(e, [annotation])),
      this.options.claims,
    );
    const verdict = book.verdict(annotation, value, owner);
    if (verdict.status === 'contested') {
      throw new ConflictError(verdict.reason);
    }
    if (verdict.status === 'overruled') {
      throw new NotAllowedError(verdict.reason);
    }
  }
}
