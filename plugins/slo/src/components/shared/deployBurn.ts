import {
  budgetBurnedAfter,
  DeploymentEvent,
} from '@gogidix/plugin-delivery-common';
import { BudgetPoint } from '@gogidix/plugin-slo-common';

/** Hours after a deploy whose budget burn is put down to it. */
export const DEPLOY_BURN_HOURS = 6;

/** One deploy on an SLO's budget timeline, with the budget burned after it. */
export interface DeployBurn {
  deployment: DeploymentEvent;
  /** The snapshot the deploy is drawn at: the first at or after it finished. */
  markAt: string;
  /**
   * Budget (a share of the whole, 0.05 = 5%) burned in the hours after the
   * deploy, as delivery-common's `budgetBurnedAfter` sums it (every fall
   * between snapshots, linear between them); null when a snapshot it needs
   * has no measurement (missing is never read as no burn).
   */
  burned: number | null;
  /** False while the hours after the deploy have not all passed. */
  complete: boolean;
}

/**
 * Each production deploy that finished within the timeline, with the budget
 * burned in the `hours` after it, from the SLO's hourly snapshots.
 */
export function deployBudgetBurn(
  points: BudgetPoint[],
  deployments: DeploymentEvent[],
  hours = DEPLOY_BURN_HOURS,
): DeployBurn[] {
  const timeline = points
    .map(p => ({ ...p, time: Date.parse(p.at) }))
    .sort((a, b) => a.time - b.time);
  if (timeline.length === 0) return [];
  const first = timeline[0].time;
  const last = timeline[timeline.length - 1].time;
  const shown = deployments.filter(deployment => {
    if (deployment.environment !== 'production' || !deployment.finishedAt) {
      return false;
    }
    const at = Date.parse(deployment.finishedAt);
    return at >= first && at <= last;
  });
  const burns = budgetBurnedAfter(
    shown,
    timeline.map(p => ({ ts: p.at, remaining: p.remaining })),
    hours,
  );
  return shown.map((deployment, i) => {
    const at = Date.parse(deployment.finishedAt!);
    return {
      deployment,
      markAt: timeline.find(p => p.time >= at)!.at,
      burned: burns[i].burned,
      complete: burns[i].complete,
    };
  });
}
