import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  costOrgReadPermission,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { teamScope } from '@gogidix/portal-node';
import { costTeamRef } from './costTeams';

/** The teams cost is attributed to, as the org page lists them. */
export interface CostTeams {
  teams(): Promise<string[]>;
}

/**
 * The group whose readers may see a team's cost. Unallocated cost belongs to
 * no team: it is checked as the group of that name, which the policy gives
 * to no developer, as before teams were refs.
 */
const resourceRefOf = (team: string) =>
  team === UNALLOCATED ? `group:default/${UNALLOCATED}` : team;

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
   * The teams the caller may see. Throws when they may see none, or not the
   * team they asked for (any form of its ref, `payments` included).
   */
  async visibleTeams(
    credentials: BackstageCredentials,
    requested?: string,
  ): Promise<Set<string>> {
    const { visible } = await teamScope({
      permissions: this.permissions,
      credentials,
      permission: costOrgReadPermission,
      teams: await this.costTeams.teams(),
      requested: requested === undefined ? [] : [costTeamRef(requested)],
      resourceRef: resourceRefOf,
      messages: {
        noTeam: 'Not allowed to read the cost of any team',
        refused: ([team]) => `Not allowed to read the cost of team ${team}`,
      },
    });
    return new Set(visible);
  }
}
