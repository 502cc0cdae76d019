import { DeploymentEvent } from '@gogidix/plugin-delivery-common';
import { BudgetPoint } from '@gogidix/plugin-slo-common';

/** Hours after a deploy whose budget burn is put down to it. */
export const DEPLOY_BURN_HOURS = 6;

/** One deploy on an SLO's budget timeline, with the budget burned after it. */
export interface DeployBurn {
  deployment: DeploymentEvent;
  /** The snapshot the deploy is drawn at: the first at or after it finished. */
  markAt: string;
  /**
   * Budget (a share of the whole, 0.05 = 5%) spent between the last
   * snapshot before the deploy and the last one within the hours after it;
   * null when either has no measurement (missing is never read as no burn).
   */
  burned: number | null;
  /** False while the hours after the deploy have not all passed. */
  complete: boolean;
}

const HOUR = 36e5;

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
  const lastAtOrBefore = (time: number) =>
    timeline.filter(p => p.time <= time).pop();

  return deployments.flatMap(deployment => {
    if (deployment.environment !== 'production' || !deployment.finishedAt) {
      return [];
    }
    const at = Date.parse(deployment.finishedAt);
    if (at < first || at > last) return [];
    const mark = timeline.find(p => p.time >= at)!;
    const before = lastAtOrBefore(at)!;
    const after = lastAtOrBefore(at + hours * HOUR)!;
    const burned =
      before.remaining === null || after.remaining === null
        ? null
        : before.remaining - after.remaining;
    return [
      {
        deployment,
        markAt: mark.at,
        burned,
        complete: last >= at + hours * HOUR,
      },
    ];
  });
}
