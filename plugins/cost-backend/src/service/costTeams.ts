import { ownerTeamRef } from '@gogidix/portal-common';
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
 * tag)": the name alone in the default namespace, as before teams were refs,
 * `finance/payments` in another.
 */
export function costTeamLabel(team: string): string {
  const name = team.replace(/^group:/, '');
  return name.startsWith('default/') ? name.slice('default/'.length) : name;
}
