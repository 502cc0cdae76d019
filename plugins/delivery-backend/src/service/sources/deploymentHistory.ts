import {
  DeliverySourceKind,
  DeployedCommit,
  DeploymentEvent,
  DeploymentStatus,
} from '@gogidix/plugin-delivery-common';

/**
 * The stored deployments among these ids. A finished deployment read
 * before keeps its commits, so each round asks the source only about new
 * and unfinished ones (GitHub allows 5,000 requests an hour).
 */
export type KnownDeployments = (ids: string[]) => Promise<DeploymentEvent[]>;

export const noneKnown: KnownDeployments = async () => [];

/** A deployment as a source read it, before its commits are known. */
export interface ReadDeployment {
  id: string;
  sha: string;
  environment: string;
  startedAt: string;
  status: DeploymentStatus;
  finishedAt: string | null;
}

/**
 * Turns one repository's deployments, oldest first and including the one
 * just before `since`, into events: each ships the commits between the
 * deployment before it and its own commit. A deployment of a commit that an
 * earlier (not the previous) deployment shipped rolls back the previous
 * one, and ships nothing new.
 */
export async function deploymentsWithCommits(options: {
  source: DeliverySourceKind;
  entityRef: string;
  since: Date;
  /** Oldest first. */
  deployments: ReadDeployment[];
  /** The commits in `head` and not in `base`; `base` null for none known. */
  commits(base: string | null, head: string): Promise<DeployedCommit[]>;
  /** Finished deployments stored before, by id. */
  known?: Map<string, DeploymentEvent>;
}): Promise<DeploymentEvent[]> {
  const { deployments, since } = options;
  const events: DeploymentEvent[] = [];
  for (let i = 0; i < deployments.length; i++) {
    const deployment = deployments[i];
    if (Date.parse(deployment.startedAt) < since.getTime()) continue;
    const stored = options.known?.get(deployment.id);
    if (stored && stored.status !== 'in_progress') {
      events.push({
        ...deployment,
        source: options.source,
        entityRef: options.entityRef,
        commits: stored.commits,
        rollbackOf: stored.rollbackOf,
      });
      continue;
    }
    const previous = deployments[i - 1];
    const earlier = deployments.slice(0, Math.max(0, i - 1));
    const rollback =
      previous !== undefined &&
      previous.sha !== deployment.sha &&
      earlier.some(d => d.sha === deployment.sha);
    let commits: DeployedCommit[] = [];
    if (!rollback && previous?.sha !== deployment.sha) {
      commits = await options.commits(previous?.sha ?? null, deployment.sha);
    }
    events.push({
      ...deployment,
      source: options.source,
      entityRef: options.entityRef,
      commits,
      rollbackOf: rollback ? previous.id : null,
    });
  }
  return events;
}
