import { NotFoundError } from '@backstage/errors';
import { EntityCompliance } from '@gogidix/plugin-compliance-common';
import { ComplianceStore } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { applyWaivers, entityCompliance } from './resultsWithWaivers';

/**
 * One component's scorecard as of `now`: its latest results with the
 * waivers active now, its checks and controls, and its image scans. The
 * entity page and the assistants' action both read it here.
 */
export async function entityReport(
  store: ComplianceStore,
  ruleSet: RuleSet,
  entityRef: string,
  now: Date,
): Promise<EntityCompliance> {
  const [result] = await store.latestResults({ entityRef });
  if (!result) {
    throw new NotFoundError(
      `${entityRef} has not been evaluated: it is not a catalog component, or the first compliance round has not run yet`,
    );
  }
  const [waivers, [trivy]] = await Promise.all([
    store.listWaivers(entityRef),
    store.listTrivyReports(entityRef),
  ]);
  const [current] = applyWaivers([result], ruleSet, waivers, now);
  return {
    ...entityCompliance(current, ruleSet, waivers, now),
    trivy: {
      report: trivy?.report ?? null,
      rejected: trivy?.rejected ?? null,
    },
  };
}
