import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** What an org page may show a caller, among every team it knows. */
export interface TeamScope {
  /** Every known team the caller may see, in the order of `teams`. */
  visible: string[];
  /**
   * The teams to show: those asked for that the caller may see, or every
   * visible team when none were asked for. A team asked for that is not
   * known shows nothing.
   */
  shown: string[];
}

/** The words of the 403s, in each page's voice. */
export interface TeamScopeMessages {
  /** When the caller may see none of the known teams. */
  noTeam: string;
  /** When the caller asked for known teams they may not see. */
  refused: (teams: string[]) => string;
}

/**
 * The teams among `teams` the caller may see: one batch of checks of
 * `permission`, one per team with its group as the resource
 * (`resourceRef`, the team itself by default).
 */
export async function visibleTeams(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: ResourcePermission;
  teams: string[];
  resourceRef?: (team: string) => string;
}): Promise<string[]> {
  const { permissions, credentials, permission, teams } = options;
  if (teams.length === 0) return [];
  const refOf = options.resourceRef ?? (team => team);
  const decisions = await permissions.authorize(
    teams.map(team => ({ permission, resourceRef: refOf(team) })),
    { credentials },
  );
  return teams.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW);
}

/**
 * Which teams a caller may see, given the decisions already taken: a caller
 * who may see no team is refused outright, so is one who asks for a known
 * team they may not see. Visibility is always the explicit list: a team
 * that appeared after the decisions were taken stays out of sight.
 */
export function scopeTeams(
  options: { teams: string[]; visible: string[]; requested?: string[] },
  messages: TeamScopeMessages,
): TeamScope {
  const { teams, visible } = options;
  const requested = options.requested ?? [];
  const allowed = new Set(visible);
  if (teams.length > 0 && allowed.size === 0) {
    throw new NotAllowedError(messages.noTeam);
  }
  const refused = requested.filter(t => teams.includes(t) && !allowed.has(t));
  if (refused.length > 0) {
    throw new NotAllowedError(messages.refused(refused));
  }
  const known = teams.filter(t => allowed.has(t));
  return {
    visible: known,
    shown:
      requested.length > 0
        ? [...new Set(requested)].filter(t => allowed.has(t))
        : known,
  };
}

/**
 * The one rule of every org page: ask the policy which of `teams` the
 * caller may see, then scope the teams asked for to those
 * ({@link visibleTeams}, then {@link scopeTeams}).
 */
export async function teamScope(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: ResourcePermission;
  teams: string[];
  requested?: string[];
  resourceRef?: (team: string) => string;
  messages: TeamScopeMessages;
}): Promise<TeamScope> {
  const visible = await visibleTeams(options);
  return scopeTeams(
    { teams: options.teams, visible, requested: options.requested },
    options.messages,
  );
}
