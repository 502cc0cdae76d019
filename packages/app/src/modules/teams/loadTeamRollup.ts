import {
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import type { ComplianceApi } from '@gogidix/plugin-compliance-common';
import type { CostApi } from '@gogidix/plugin-cost-common';
import type { OnCallApi } from '@gogidix/plugin-oncall-common';
import type { SloApi } from '@gogidix/plugin-slo-common';
import { firingByTeam, teamRollupRows, TeamRollupRow } from './rollup';
import { ownerTeamRef, teamsBelow, toGroupNode } from '@gogidix/portal-common';

/** The period of the cost column: the cost page's default. */
export const ROLLUP_COST_DAYS = 30;

/** A family whose figures could not be read, and why. */
export interface RollupProblem {
  source: 'slo' | 'cost' | 'compliance' | 'oncall';
  error: Error;
}

export interface TeamRollup {
  teams: string[];
  rows: TeamRollupRow[];
  currency?: string;
  problems: RollupProblem[];
  /** Set when Alertmanager is not configured: the config key to set. */
  alertsNotConfigured?: string;
}

export interface RollupApis {
  catalogApi: CatalogApi;
  sloApi: SloApi;
  costApi: CostApi;
  complianceApi: ComplianceApi;
  onCallApi: OnCallApi;
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/**
 * Reads the roll-up of the teams at and below `roots` from the catalog and
 * the four families' APIs: the same calls their org pages make, so the
 * figures agree. One family failing (or refusing) leaves the others shown.
 */
export async function loadTeamRollup(
  roots: string[],
  apis: RollupApis,
): Promise<TeamRollup> {
  const { items: groups } = await apis.catalogApi.getEntities({
    filter: { kind: 'group' },
    fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
  });
  const teams = teamsBelow(roots, groups.map(toGroupNode));
  if (!teams.length) {
    return { teams, rows: [], problems: [] };
  }
  const { items: components } = await apis.catalogApi.getEntities({
    filter: { kind: 'component', 'relations.ownedBy': teams },
    fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
  });

  const [slo, cost, compliance, alerts] = await Promise.allSettled([
    apis.sloApi.getOrgSummary({ owners: teams }),
    apis.costApi.getOverview({ days: ROLLUP_COST_DAYS }),
    apis.complianceApi.getOrgCompliance({ teams }),
    Promise.allSettled(
      components.map(async component => {
        const owner = component.relations?.find(
          r => r.type === RELATION_OWNED_BY,
        );
        const answer = await apis.onCallApi.firingAlerts(
          stringifyEntityRef(component),
        );
        return {
          team: owner ? ownerTeamRef(owner.targetRef) : '',
          answer,
        };
      }),
    ),
  ]);

  const problems: RollupProblem[] = [];
  const keep = <T>(
    source: RollupProblem['source'],
    result: PromiseSettledResult<T>,
  ): T | undefined => {
    if (result.status === 'fulfilled') return result.value;
    problems.push({ source, error: asError(result.reason) });
    return undefined;
  };
  const sloValue = keep('slo', slo);
  const costValue = keep('cost', cost);
  const complianceValue = keep('compliance', compliance);

  // Alerts are read per component: counted where readable; reported once
  // when none was, or when Alertmanager is not set up at all.
  let alertsNotConfigured: string | undefined;
  let firing: Map<string, number> | undefined;
  if (alerts.status === 'fulfilled' && components.length) {
    const read: Array<{ team: string; firing: number }> = [];
    let refused: Error | undefined;
    for (const result of alerts.value) {
      if (result.status === 'rejected') {
        refused ??= asError(result.reason);
      } else if (result.value.answer.status === 'not-configured') {
        // A component without an alert selector says which annotation to
        // add: its alerts are unknown, the others' still count. Only a
        // missing Alertmanager (a config key) leaves the column blank.
        if (!result.value.answer.configKey.startsWith('metadata.')) {
          alertsNotConfigured = result.value.answer.configKey;
        }
      } else {
        read.push({
          team: result.value.team,
          firing: result.value.answer.alerts.length,
        });
      }
    }
    if (!read.length && refused && !alertsNotConfigured) {
      problems.push({ source: 'oncall', error: refused });
    }
    if (read.length && !alertsNotConfigured) {
      firing = firingByTeam(read);
    }
  }

  return {
    teams,
    rows: teamRollupRows(teams, {
      sloByTeam: sloValue?.byTeam,
      costTeams: costValue?.teams,
      complianceByTeam: complianceValue?.byTeam,
      firingByTeam: firing,
    }),
    currency: costValue?.currency,
    problems,
    alertsNotConfigured,
  };
}
