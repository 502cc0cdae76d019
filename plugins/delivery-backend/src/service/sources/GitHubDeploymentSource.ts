import {
  DeployedCommit,
  DeploymentEvent,
} from '@gogidix/plugin-delivery-common';
import { DeliveryCatalog } from '../deliveryCatalog';
import { DeliveryEvents, DeliverySource, noEvents } from './DeliverySource';
import { fetchSourcePage, nextLink, SourceEndpoint } from './sourceFetch';
import {
  deploymentsWithCommits,
  KnownDeployments,
  noneKnown,
  ReadDeployment,
} from './deploymentHistory';

/** The parts of GitHub's deployment object we read. */
interface GitHubDeployment {
  id: number;
  sha: string;
  environment: string;
  created_at: string;
}

/** The parts of a deployment status (newest first in GitHub's list). */
interface GitHubDeploymentStatus {
  state:
    | 'error'
    | 'failure'
    | 'inactive'
    | 'in_progress'
    | 'queued'
    | 'pending'
    | 'success';
  created_at: string;
}

interface GitHubCommit {
  sha: string;
  commit: {
    author: { date: string } | null;
    committer: { date: string } | null;
  };
}

interface GitHubComparison {
  status: 'diverged' | 'ahead' | 'behind' | 'identical';
  commits: GitHubCommit[];
}

const PER_PAGE = 100;

/**
 * Production deployments from GitHub's REST API
 * (`GET /repos/{owner}/{repo}/deployments`, newest first, paged by `Link`),
 * the outcome from each one's statuses, and the commits it shipped from
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}` against the deployment
 * before it. Only repositories a component holds (`github.com/project-slug`)
 * are read, with the backend's token.
 */
export class GitHubDeploymentSource implements DeliverySource {
  readonly name = 'github';

  constructor(
    private readonly endpoint: SourceEndpoint,
    private readonly catalog: DeliveryCatalog,
    private readonly environment: string,
    private readonly known: KnownDeployments = noneKnown,
  ) {}

  async read(since: Date): Promise<DeliveryEvents> {
    const { github } = await this.catalog.targets();
    const events = noEvents();
    for (const [slug, entityRef] of github) {
      events.deployments.push(
        ...(await this.readRepository(slug, entityRef, since)),
      );
    }
    return events;
  }

  private async readRepository(
    slug: string,
    entityRef: string,
    since: Date,
  ): Promise<DeploymentEvent[]> {
    const repo = slug
      .split('/')
      .map(part => encodeURIComponent(part))
      .join('/');
    const listed = await this.deploymentsSince(repo, since);
    const idOf = (deployment: GitHubDeployment) =>
      `github:${slug}:${deployment.id}`;
    const known = new Map(
      (await this.known(listed.map(idOf)))
        .filter(d => d.status !== 'in_progress')
        .map(d => [d.id, d]),
    );
    const read: ReadDeployment[] = [];
    for (const deployment of listed) {
      const stored = known.get(idOf(deployment));
      // The deployment before `since` only lends its commit as a base.
      const before = Date.parse(deployment.created_at) < since.getTime();
      let outcome: Pick<ReadDeployment, 'status' | 'finishedAt'>;
      if (stored) {
        outcome = { status: stored.status, finishedAt: stored.finishedAt };
      } else if (before) {
        outcome = { status: 'in_progress', finishedAt: null };
      } else {
        outcome = await this.outcome(repo, deployment.id);
      }
      read.push({
        id: idOf(deployment),
        sha: deployment.sha,
        environment: deployment.environment,
        startedAt: deployment.created_at,
        ...outcome,
      });
    }
    return deploymentsWithCommits({
      source: 'github',
      entityRef,
      since,
      deployments: read,
      commits: (base, head) => this.commits(repo, base, head),
      known,
    });
  }

  /**
   * Deployments created at or after `since`, and the one before them, whose
   * commit is the base of the first one's comparison. GitHub lists newest
   * first, so paging stops at the first page that reaches back past `since`.
   */
  private async deploymentsSince(
    repo: string,
    since: Date,
  ): Promise<GitHubDeployment[]> {
    const found: GitHubDeployment[] = [];
    let url:
      | string
      | undefined = `/repos/${repo}/deployments?${new URLSearchParams({
      environment: this.environment,
      per_page: String(PER_PAGE),
    })}`;
    while (url) {
      const page: { body: GitHubDeployment[]; headers: Headers } =
        await fetchSourcePage<GitHubDeployment[]>(this.endpoint, url);
      found.push(...page.body);
      if (page.body.some(d => Date.parse(d.created_at) < since.getTime())) {
        break;
      }
      url = nextLink(page.headers.get('link'));
    }
    const sorted = found.sort(
      (a, b) =>
        Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
    );
    const first = sorted.findIndex(
      d => Date.parse(d.created_at) >= since.getTime(),
    );
    return first === -1 ? [] : sorted.slice(Math.max(0, first - 1));
  }

  private async outcome(
    repo: string,
    id: number,
  ): Promise<Pick<ReadDeployment, 'status' | 'finishedAt'>> {
    const { body: statuses } = await fetchSourcePage<GitHubDeploymentStatus[]>(
      this.endpoint,
      `/repos/${repo}/deployments/${id}/statuses?per_page=${PER_PAGE}`,
    );
    // A later deployment marks this one `inactive`; what it reached before
    // that is its outcome.
    const final = statuses.find(s =>
      ['success', 'failure', 'error'].includes(s.state),
    );
    if (!final) return { status: 'in_progress', finishedAt: null };
    return {
      status: final.state === 'success' ? 'success' : 'failure',
      finishedAt: final.created_at,
    };
  }

  /** The commits in `head` and not in `base`, or `head` alone without a base. */
  private async commits(
    repo: string,
    base: string | null,
    head: string,
  ): Promise<DeployedCommit[]> {
    const toCommit = (c: GitHubCommit): DeployedCommit => ({
      sha: c.sha,
      committedAt: (c.commit.committer ?? c.commit.author)?.date ?? '',
    });
    if (base === null) {
      const { body } = await fetchSourcePage<GitHubCommit>(
        this.endpoint,
        `/repos/${repo}/commits/${encodeURIComponent(head)}`,
      );
      return [toCommit(body)].filter(c => c.committedAt);
    }
    const commits: GitHubCommit[] = [];
    let url: string | undefined = `/repos/${repo}/compare/${encodeURIComponent(
      base,
    )}...${encodeURIComponent(head)}?per_page=${PER_PAGE}`;
    while (url) {
      const page: { body: GitHubComparison; headers: Headers } =
        await fetchSourcePage<GitHubComparison>(this.endpoint, url);
      // Behind or identical: a redeploy or rollback ships nothing new.
      if (page.body.status === 'behind' || page.body.status === 'identical') {
        return [];
      }
      commits.push(...page.body.commits);
      url = nextLink(page.headers.get('link'));
    }
    return commits.map(toCommit).filter(c => c.committedAt);
  }
}
