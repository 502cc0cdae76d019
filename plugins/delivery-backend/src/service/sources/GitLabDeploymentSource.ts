import {
  DeployedCommit,
  DeploymentEvent,
  DeploymentStatus,
} from '@gogidix/plugin-delivery-common';
import { DeliveryCatalog } from '../deliveryCatalog';
import {
  deploymentsWithCommits,
  KnownDeployments,
  noneKnown,
  ReadDeployment,
} from './deploymentHistory';
import { DeliveryEvents, DeliverySource, noEvents } from './DeliverySource';
import { fetchSourcePage, SourceEndpoint } from './sourceFetch';

interface GitLabCommit {
  id: string;
  committed_date: string;
  created_at: string;
}

/** The parts of GitLab's deployment object we read. */
interface GitLabDeployment {
  id: number;
  sha: string;
  created_at: string;
  updated_at: string;
  finished_at?: string | null;
  status:
    | 'created'
    | 'running'
    | 'success'
    | 'failed'
    | 'canceled'
    | 'skipped'
    | 'blocked';
  environment: { name: string };
  deployable?: { commit?: GitLabCommit } | null;
}

interface GitLabComparison {
  commits: GitLabCommit[];
}

const PER_PAGE = 100;

const toCommit = (c: GitLabCommit): DeployedCommit => ({
  sha: c.id,
  committedAt: c.committed_date ?? c.created_at,
});

const STATUS: Record<GitLabDeployment['status'], DeploymentStatus> = {
  created: 'in_progress',
  running: 'in_progress',
  blocked: 'in_progress',
  success: 'success',
  failed: 'failure',
  canceled: 'failure',
  skipped: 'failure',
};

/**
 * Production deployments from GitLab's Deployments API
 * (`GET /projects/:id/deployments` with `environment` and `updated_after`,
 * paged by `X-Next-Page`), the commits each shipped from
 * `GET /projects/:id/repository/compare` against the deployment before it,
 * and the deployable's commit for the first one. Only projects a component
 * holds (`gitlab.com/project-slug`) are read, with the backend's token.
 */
export class GitLabDeploymentSource implements DeliverySource {
  readonly name = 'gitlab';

  constructor(
    private readonly endpoint: SourceEndpoint,
    private readonly catalog: DeliveryCatalog,
    private readonly environment: string,
    private readonly known: KnownDeployments = noneKnown,
  ) {}

  async read(since: Date): Promise<DeliveryEvents> {
    const { gitlab } = await this.catalog.targets();
    const events = noEvents();
    for (const [slug, entityRef] of gitlab) {
      events.deployments.push(
        ...(await this.readProject(slug, entityRef, since)),
      );
    }
    return events;
  }

  private async readProject(
    slug: string,
    entityRef: string,
    since: Date,
  ): Promise<DeploymentEvent[]> {
    const project = encodeURIComponent(slug);
    const listed = await this.deploymentsSince(project, since);
    const heads = new Map(
      listed.map(d => [d.sha, d.deployable?.commit] as const),
    );
    const read: ReadDeployment[] = listed.map(d => {
      const status = STATUS[d.status] ?? 'in_progress';
      return {
        id: `gitlab:${slug}:${d.id}`,
        sha: d.sha,
        environment: d.environment.name,
        startedAt: d.created_at,
        status,
        finishedAt:
          status === 'in_progress' ? null : d.finished_at ?? d.updated_at,
      };
    });
    const known = new Map(
      (await this.known(read.map(d => d.id))).map(d => [d.id, d]),
    );
    return deploymentsWithCommits({
      known,
      source: 'gitlab',
      entityRef,
      since,
      deployments: read,
      commits: async (base, head) => {
        if (base === null) {
          const commit = heads.get(head);
          return commit ? [toCommit(commit)] : [];
        }
        const { body } = await fetchSourcePage<GitLabComparison>(
          this.endpoint,
          `/projects/${project}/repository/compare?${new URLSearchParams({
            from: base,
            to: head,
          })}`,
        );
        return body.commits.map(toCommit);
      },
    });
  }

  /**
   * Deployments updated at or after `since` (GitLab filters on update, so
   * this includes the deployment just before a new one when it was
   * updated since), every page, oldest first by creation.
   */
  private async deploymentsSince(
    project: string,
    since: Date,
  ): Promise<GitLabDeployment[]> {
    const found: GitLabDeployment[] = [];
    let page: string | null = '1';
    while (page) {
      const query = new URLSearchParams({
        environment: this.environment,
        updated_after: since.toISOString(),
        // GitLab requires this order for updated_after.
        order_by: 'updated_at',
        sort: 'asc',
        per_page: String(PER_PAGE),
        page,
      });
      const answer: { body: GitLabDeployment[]; headers: Headers } =
        await fetchSourcePage<GitLabDeployment[]>(
          this.endpoint,
          `/projects/${project}/deployments?${query}`,
        );
      found.push(...answer.body);
      page = answer.headers.get('x-next-page') || null;
    }
    return found.sort(
      (a, b) =>
        Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
    );
  }
}
