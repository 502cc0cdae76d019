import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { costOrgReadPermission } from '@gogidix/plugin-cost-common';

/** The teams cost is attributed to, as the org page lists them. */
export interface CostTeams {
  teams(): Promise<string[]>;
}

/** A team's group ref: cost teams are group names in the default namespace. */
export const teamGroupRef = (team: string) => `group:default/${team}`;

/**
 * Which teams' cost a caller may see: one batch of `cost.org.read` checks,
 * one per team with its group as the resource.
 */
export class TeamAccess {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly costTeams: CostTeams,
  ) {}

  /**
   * The teams the caller may see, or undefined when they may see every
   * team. Throws when they may see none, or not the team they asked for.
   */
  async visibleTeams(
    credentials: BackstageCredentials,
    requested?: string,
  ): Promise<Set<string> | undefined> {
    const teams = await this.costTeams.teams();
    const decisions = await this.permissions.authorize(
      teams.map(team => ({
        permission: costOrgReadPermission,
        resourceRef: teamGroupRef(team),
      })),
      { credentials },
    );
    const visible = new Set(
      teams.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
    );
    if (
      requested !== undefined &&
      teams.includes(requested) &&
      !visible.has(requested)
    ) {
      throw new NotAllowedError(
        `Not allowed to read the cost of team ${requested}`,
      );
    }
    if (teams.length > 0 && visible.size === 0) {
      throw new NotAllowedError('Not allowed to read the cost of any team');
    }
    return visible.size === teams.length ? undefined : visible;
  }
}
