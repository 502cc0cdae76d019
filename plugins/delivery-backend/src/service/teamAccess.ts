import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { deliveryOrgReadPermission } from '@gogidix/plugin-delivery-common';
import { ownerTeamRef } from '@gogidix/portal-common';
import { teamScope, TeamScope } from '@gogidix/portal-node';

/** The teams that own components, as the team and org pages list them. */
export interface DeliveryTeams {
  teams(): Promise<string[]>;
}

/** A team as a query names it (`payments`, `group:default/payments`), as a full ref. */
export function deliveryTeamRef(team: string): string {
  const trimmed = team.trim();
  try {
    return ownerTeamRef(trimmed);
  } catch {
    // No ref: it matches no team and so shows nothing.
    return trimmed;
  }
}

/**
 * Which teams' delivery a caller may see: one batch of `delivery.org.read`
 * checks, one per team with its group as the resource.
 */
export class TeamAccess {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly deliveryTeams: DeliveryTeams,
  ) {}

  /** Throws when the caller may see no team, or not the team asked for. */
  scope(
    credentials: BackstageCredentials,
    requested?: string,
  ): Promise<TeamScope> {
    return this.deliveryTeams.teams().then(teams =>
      teamScope({
        permissions: this.permissions,
        credentials,
        permission: deliveryOrgReadPermission,
        teams,
        requested: requested === undefined ? [] : [deliveryTeamRef(requested)],
        messages: {
          noTeam: 'Not allowed to read the delivery of any team',
          refused: ([team]) =>
            `Not allowed to read the delivery of team ${team}`,
        },
      }),
    );
  }
}
