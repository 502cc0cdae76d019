import { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, StandIn, startStandIn } from './standIn';

/** A commit in a stand-in repository's history (oldest first). */
export interface CommitFixture {
  sha: string;
  /** ISO 8601, the committer's date. */
  date: string;
}

/** A deployment and its statuses (oldest first), as GitHub records them. */
export interface GitHubDeploymentFixture {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  statuses: Array<{
    state:
      | 'error'
      | 'failure'
      | 'inactive'
      | 'in_progress'
      | 'queued'
      | 'pending'
      | 'success';
    createdAt: string;
  }>;
}

export interface GitHubRepositoryFixture {
  /** The default branch's history, oldest first. */
  commits: CommitFixture[];
  deployments: GitHubDeploymentFixture[];
}

export const GITHUB_STAND_IN_TOKEN = 'ghp_StandInToken0000000000000000000000';

/** `page` and `per_page` as GitHub reads them (default 30, at most 100). */
export function pageOf<T>(
  items: T[],
  url: URL,
): { items: T[]; page: number; last: number } {
  const perPage = Math.min(
    100,
    Math.max(1, Number(url.searchParams.get('per_page') ?? 30)),
  );
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    page,
    last,
  };
}

/** GitHub's `Link` header: `next` and `last` while there are more pages. */
function linkHeader(
  req: IncomingMessage,
  url: URL,
  page: number,
  last: number,
): Record<string, string> {
  if (page >= last) return {};
  const at = (p: number) => {
    const next = new URL(
      url.pathname + url.search,
      `http://${req.headers.host}`,
    );
    next.searchParams.set('page', String(p));
    return next.toString();
  };
  return { Link: `<${at(page + 1)}>; rel="next", <${at(last)}>; rel="last"` };
}

function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: unknown,
  page: number,
  last: number,
) {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    ...linkHeader(req, url, page, last),
  });
  res.end(JSON.stringify(body));
}

const commitJson = (c: CommitFixture) => ({
  sha: c.sha,
  commit: {
    author: { name: 'Stand-in', date: c.date },
    committer: { name: 'Stand-in', date: c.date },
    message: `Commit ${c.sha.slice(0, 7)}`,
  },
});

/**
 * A stand-in for GitHub's REST API (docs.github.com/rest) with the paths,
 * headers, paging and shapes of its documentation:
 * `GET /repos/{owner}/{repo}/deployments` (newest first, `environment`),
 * `.../deployments/{id}/statuses` (newest first),
 * `.../compare/{base}...{head}` (`status`, commits oldest first, paged) and
 * `.../commits/{sha}`. Lists are paged with `per_page`/`page` and an RFC
 * 8288 `Link` header. A wrong token gets GitHub's 401 body.
 */
export async function startGitHubStandIn(
  repos: Record<string, GitHubRepositoryFixture>,
): Promise<StandIn> {
  return startStandIn((req, res, url) => {
    if (req.headers.authorization !== `Bearer ${GITHUB_STAND_IN_TOKEN}`) {
      sendJson(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    if (req.headers.accept !== 'application/vnd.github+json') {
      sendJson(res, 415, { message: 'Unsupported Accept header' });
      return;
    }
    const notFound = () =>
      sendJson(res, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
      });
    const match =
      /^\/repos\/([^/]+)\/([^/]+)\/(deployments|compare|commits)(?:\/(.+))?$/.exec(
        url.pathname,
      );
    const repo =
      match &&
      repos[`${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`];
    if (!match || !repo) {
      notFound();
      return;
    }
    const [, , , resource, rest] = match;
    const commitAt = (sha: string) =>
      repo.commits.findIndex(c => c.sha === sha);

    if (resource === 'deployments' && rest === undefined) {
      const environment = url.searchParams.get('environment');
      const listed = repo.deployments
        .filter(d => !environment || d.environment === environment)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
      const { items, page, last } = pageOf(listed, url);
      sendPage(
        req,
        res,
        url,
        items.map(d => ({
          id: d.id,
          sha: d.sha,
          ref: 'main',
          task: 'deploy',
          environment: d.environment,
          created_at: d.createdAt,
          updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
        })),
        page,
        last,
      );
      return;
    }
    const statuses = /^(\d+)\/statuses$/.exec(rest ?? '');
    if (resource === 'deployments' && statuses) {
      const deployment = repo.deployments.find(
        d => d.id === Number(statuses[1]),
      );
      if (!deployment) {
        notFound();
        return;
      }
      const newestFirst = [...deployment.statuses].reverse();
      const { items, page, last } = pageOf(newestFirst, url);
      sendPage(
        req,
        res,
        url,
        items.map((s, i) => ({
          id: deployment.id * 100 + i,
          state: s.state,
          environment: deployment.environment,
          created_at: s.createdAt,
          updated_at: s.createdAt,
        })),
        page,
        last,
      );
      return;
    }
    if (resource === 'compare' && rest) {
      const [base, head] = decodeURIComponent(rest).split('...');
      const from = commitAt(base);
      const to = commitAt(head);
      if (from === -1 || to === -1) {
        notFound();
        return;
      }
      const ahead = repo.commits.slice(from + 1, to + 1);
      const { items, page, last } = pageOf(ahead, url);
      let status = 'identical';
      if (to > from) status = 'ahead';
      else if (to < from) status = 'behind';
      sendPage(
        req,
        res,
        url,
        {
          status,
          ahead_by: Math.max(0, to - from),
          behind_by: Math.max(0, from - to),
          total_commits: ahead.length,
          commits: items.map(commitJson),
        },
        page,
        last,
      );
      return;
    }
    if (resource === 'commits' && rest) {
      const at = commitAt(decodeURIComponent(rest));
      if (at === -1) {
        sendJson(res, 422, { message: 'No commit found for SHA' });
        return;
      }
      sendJson(res, 200, commitJson(repo.commits[at]));
      return;
    }
    notFound();
  });
}
