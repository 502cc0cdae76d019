import {
  AuditorService,
  BackstageCredentials,
  BackstageUserInfo,
  BackstageUserPrincipal,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { RoleSettings } from '../roles/config';
import { GroupTree } from '../roles/GroupTree';
import { PortalUser, resolvePortalUser } from '../roles/PortalUser';
import { PERMISSION_RULES, Role, ruleFor, widestReach } from './rules';

const isGroupRef = (ref: string) => ref.startsWith('group:');

/** The resource is this entity itself (a group, a component, …). */
function isEntity(
  ref: string,
): PermissionCriteria<PermissionCondition<'catalog-entity'>> {
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    allOf: [
      catalogConditions.isEntityKind({ kinds: [kind] }),
      catalogConditions.hasMetadata({ key: 'namespace', value: namespace }),
      catalogConditions.hasMetadata({ key: 'name', value: name }),
    ],
  };
}

/**
 * Decides every permission check of the portal from the table in
 * `rules.ts` and the user's roles. Each denial of a request is recorded in
 * the audit trail: a plugin asked on the user's behalf while serving it.
 * The browser's own checks (which buttons to show) are questions, not
 * blocked actions, and are not recorded; nor are denials that come from a
 * condition the catalog evaluates (decided there).
 */
export class GogidixPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly deps: {
      settings: RoleSettings;
      groups: { get(): Promise<GroupTree> };
      /** What the components these owners own depend on (entity refs). */
      dependencies: { of(ownerRefs: string[]): Promise<string[]> };
      auditor: AuditorService;
      logger: LoggerService;
      userInfo: UserInfoService;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const principal = user?.credentials.principal as
      | Partial<BackstageUserPrincipal>
      | undefined;
    if (!user || principal?.type !== 'user' || !principal.userEntityRef) {
      return this.deny(permission.name, undefined, 'no signed-in user');
    }
    // Set when a plugin asks on the user's behalf (e.g. plugin:catalog).
    const requestedBy = principal.actor?.subject;
    const { ownershipEntityRefs } = await this.userInfoOf(user.credentials);
    const portalUser = resolvePortalUser(
      principal.userEntityRef,
      ownershipEntityRefs,
      await this.deps.groups.get(),
      this.deps.settings,
    );
    if (portalUser.isPlatformAdmin) {
      return { result: AuthorizeResult.ALLOW };
    }

    const rule = ruleFor(permission.name, PERMISSION_RULES);
    const roles: Role[] = ['developer'];
    if (portalUser.isManager) roles.push('manager');
    if (portalUser.isOnCall) roles.push('onCall');
    const reach = rule && widestReach(rule, roles);
    if (!reach) {
      return this.deny(
        permission.name,
        portalUser,
        rule ? 'not allowed for the roles held' : 'no rule names it',
        requestedBy,
      );
    }
    if (reach === 'all' || !isResourcePermission(permission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!isResourcePermission(permission, 'catalog-entity')) {
      this.deps.logger.warn(
        `${permission.name} is scoped to teams in the policy but its resources are ${permission.resourceType}, not catalog entities: denied`,
      );
      return this.deny(
        permission.name,
        portalUser,
        'unscopable resource',
        requestedBy,
      );
    }
    const refs =
      reach === 'managed' ? portalUser.managedRefs : portalUser.ownRefs;
    const owned = catalogConditions.isEntityOwner({ claims: refs });
    const conditions: PermissionCriteria<
      PermissionCondition<'catalog-entity'>
    > = rule.teamData
      ? { anyOf: [owned, ...refs.filter(isGroupRef).map(isEntity)] }
      : owned;
    if (!rule.dependencies) {
      return createCatalogConditionalDecision(permission, conditions);
    }
    const dependencies = await this.deps.dependencies.of(refs);
    return createCatalogConditionalDecision(
      permission,
      dependencies.length
        ? { anyOf: [conditions, ...dependencies.map(isEntity)] }
        : conditions,
    );
  }

  /**
   * The permission plugin asks once per item of a batch with the same
   * credentials; their claims are read once per batch.
   */
  private readonly userInfos = new WeakMap<
    BackstageCredentials,
    Promise<BackstageUserInfo>
  >();

  private userInfoOf(credentials: BackstageCredentials) {
    let info = this.userInfos.get(credentials);
    if (!info) {
      info = this.deps.userInfo.getUserInfo(credentials);
      this.userInfos.set(credentials, info);
    }
    return info;
  }

  private async deny(
    permission: string,
    user: PortalUser | undefined,
    reason: string,
    requestedBy?: string,
  ): Promise<PolicyDecision> {
    if (user && !requestedBy) {
      return { result: AuthorizeResult.DENY };
    }
    const event = await this.deps.auditor.createEvent({
      eventId: 'permission-denied',
      severityLevel: 'medium',
      meta: {
        actor: user?.userRef ?? null,
        // The thing refused: a policy is asked about a permission, never
        // about one resource, so the resource a denied request was for is
        // not known here; the plugin that asked is.
        target: permission,
        permission,
        requestedBy: requestedBy ?? null,
        resourceRef: null,
        reason,
      },
    });
    await event.fail({
      error: new NotAllowedError(`${permission} denied: ${reason}`),
    });
    return { result: AuthorizeResult.DENY };
  }
}
