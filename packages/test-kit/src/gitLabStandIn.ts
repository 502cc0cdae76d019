import { CommitFixture, pageOf } from './gitHubStandIn';
import { sendJson, StandIn, startStandIn } from './standIn';

/** A deployment as GitLab records it. */
export interface GitLabDeploymentFixture {
  id: number;
  sha: string;
  environment: string;
  status: 'created' | 'running' | 'success' | 'failed' | 'canceled' | 'blocked';
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | null;
}

export interface GitLabProjectFixture {
  /** The default branch's history, oldest first. */
  commits: CommitFixture[];
  deployments: GitLabDeploymentFixture[];
}

export const GITLAB_STAND_IN_TOKEN = 'glpat-StandInToken000000';

const commitJson = (c: CommitFixture) => ({
  id: c.sha,
  short_id: c.sha.slice(0, 8),
  title: `Commit ${c.sha.slice(0, 8)}`,
  created_at: c.date,
  committed_date: c.date,
  authored_date: c.date,
});

/**
 * A stand-in for GitLab's REST API v4 (docs.gitlab.com/api) with the paths,
 * headers, paging and shapes of its documentation:
 * `GET /projects/:id/deployments` (`environment`, `updated_after` only with
 * `order_by=updated_at`, `sort`) with the deployable's commit, and
 * `GET /projects/:id/repository/compare?from&to`. `:id` is the URL-encoded
 * path with namespace. Lists are paged with `per_page`/`page` and the
 * `X-Page`, `X-Next-Page` and `X-Total` headers. A wrong `PRIVATE-TOKEN` gets
 * GitLab's 401 body.
 */
export async function startGitLabStandIn(
  projects: Record<string, GitLabProjectFixture>,
): Promise<StandIn> {
  return startStandIn((req, res, url) => {
    if (req.headers['private-token'] !== GITLAB_STAND_IN_TOKEN) {
      sendJson(res, 401, { message: '401 Unauthorized' });
      return;
    }
    // `:id` arrives encoded (`group%2Fproject`), one path segment.
    const match =
      /^\/projects\/([^/]+)\/(deployments|repository\/compare)$/.exec(
        url.pathname,
      );
    const project = match && projects[decodeURIComponent(match[1])];
    if (!match || !project) {
      sendJson(res, 404, { message: '404 Project Not Found' });
      return;
    }
    const commit = (sha: string) => project.commits.find(c => c.sha === sha);
    if (match[2] === 'deployments') {
      const q = url.searchParams;
      const updatedAfter = q.get('updated_after');
      const orderBy = q.get('order_by') ?? 'id';
      if (updatedAfter && orderBy !== 'updated_at') {
        sendJson(res, 400, {
          message:
            '`updated_at` filter and `updated_at` sorting must be paired',
        });
        return;
      }
      const key = (d: GitLabDeploymentFixture) =>
        orderBy === 'updated_at' ? d.updatedAt : String(d.id).padStart(12, '0');
      const listed = project.deployments
        .filter(
          d => !q.get('environment') || d.environment === q.get('environment'),
        )
        .filter(d => !updatedAfter || d.updatedAt > updatedAfter)
        .sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
      if (q.get('sort') !== 'asc') listed.reverse();
      const url20 = new URL(url);
      if (!url20.searchParams.has('per_page'))
        url20.searchParams.set('per_page', '20');
      const { items, page, last } = pageOf(listed, url20);
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-Page': String(page),
        'X-Per-Page': url20.searchParams.get('per_page')!,
        'X-Next-Page': page < last ? String(page + 1) : '',
        'X-Total': String(listed.length),
        'X-Total-Pages': String(last),
      });
      res.end(
        JSON.stringify(
          items.map(d => {
            const head = commit(d.sha);
            return {
              id: d.id,
              iid: d.id,
              ref: 'main',
              sha: d.sha,
              status: d.status,
              created_at: d.createdAt,
              updated_at: d.updatedAt,
              finished_at: d.finishedAt ?? null,
              environment: { id: 1, name: d.environment },
              deployable: head ? { commit: commitJson(head) } : null,
            };
          }),
        ),
      );
      return;
    }
    const from = project.commits.findIndex(
      c => c.sha === url.searchParams.get('from'),
    );
    const to = project.commits.findIndex(
      c => c.sha === url.searchParams.get('to'),
    );
    if (from === -1 || to === -1) {
      sendJson(res, 404, { message: '404 Ref Not Found' });
      return;
    }
    const commits = project.commits.slice(from + 1, to + 1).map(commitJson);
    sendJson(res, 200, {
      commit: commits.at(-1) ?? null,
      commits,
      diffs: [],
      compare_timeout: false,
      compare_same_ref: from === to,
    });
  });
}
