import { CompoundEntityRef } from '@backstage/catalog-model';

/**
 * The portal path of a runbook, fixed across teams (alerts, SLO pages and
 * scorecards link to it): `/runbooks/<namespace>/<kind>/<name>/<runbook>`.
 * Kind and namespace are lower-cased as the catalog compares them that way.
 */
export function runbookPath(
  entity: CompoundEntityRef,
  runbook: string,
): string {
  const segments = [
    entity.namespace.toLocaleLowerCase('en-US'),
    entity.kind.toLocaleLowerCase('en-US'),
    entity.name,
    runbook,
  ];
  return `/runbooks/${segments.map(encodeURIComponent).join('/')}`;
}

/** A runbook name is a file name without `.md`: no separators, no dots first. */
export function isRunbookName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) && !name.endsWith('.md');
}
