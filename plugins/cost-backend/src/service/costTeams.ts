import { formatRef, ownerTeamRef } from '@gogidix/portal-common';
import { UNALLOCATED } from '@gogidix/plugin-cost-common';

/**
 * A team as cost keeps it: the full group ref (`group:default/payments`),
 * from any form a billing tag, a query or a budget key may use (`payments`,
 * `finance/payments`), or the unallocated bucket. A value that is no ref
 * stays as it is and so matches no team.
 */
export function costTeamRef(team: string): string {
  const trimmed = team.trim();
  if (trimmed === UNALLOCATED) return UNALLOCATED;
  try {
    return ownerTeamRef(trimmed);
  } catch {
    return trimmed;
  }
}

/**
 * How a team reads in text the pages show, such as "payments (no service
 * tag)": the portal's one ref format (`payments` in the default namespace,
 * `finance/payments` in another).
 */
export const costTeamLabel = formatRef;
