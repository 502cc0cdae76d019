import { randomBytes } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { JsonAnswer, startLoopbackServer } from '@gogidix/portal-node';
import { SourceSettings } from '../config';
import { DemoCommit, DemoRepository, demoRepository } from './demoHistory';

/** A running demo GitHub, as settings for the real GitHub client. */
export interface DemoGitHub {
  settings: SourceSettings;
  stop(): Promise<void>;
}

const PER_PAGE_DEFAULT = 30;

const commitJson = (c: DemoCommit) => ({
  sha: c.sha,
  commit: {
    author: { name: 'Demo', date: c.date },
    committer: { name: 'Demo', date: c.date },
  },
});

/**
 * Serves the demo history through GitHub's REST API, as documented at
 * docs.github.com/rest (deployments newest first, their statuses, compare,
 * a commit; `per_page`/`page` with a `Link` header), on 127.0.0.1 and a
 * port the kernel picks, with a random token. The delivery backend reads it
 * with its GitHub client, so demo data takes the real code path.
 */
export async function startDemoGitHub(options: {
  lookbackDays: number;
  environment: string;
  now?: () => Date;
}): Promise<DemoGitHub> {
  const token = randomBytes(24).toString('hex');
  const now = options.now ?? (() => new Date());
  const repository = (slug: string): DemoRepository =>
    // A day's margin so the deployment before the window is there too.
    demoRepository(slug, now(), options.lookbackDays + 7);

  /** Answers one request through `send`, once. */
  const route = (
    req: IncomingMessage,
    url: URL,
    send: (status: number, body: unknown, link?: string) => void,
  ) => {
    const paged = <T>(items: T[]) => {
      const perPage = Math.min(
        100,
        Number(url.searchParams.get('per_page') ?? PER_PAGE_DEFAULT),
      );
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const last = Math.max(1, Math.ceil(items.length / perPage));
      let link: string | undefined;
      if (page < last) {
        const next = new URL(
          url.pathname + url.search,
          `http://${req.headers.host}`,
        );
        next.searchParams.set('page', String(page + 1));
        link = `<${next}>; rel="next"`;
      }
      return { items: items.slice((page - 1) * perPage, page * perPage), link };
    };
    if (req.headers.authorization !== `Bearer ${token}`) {
      send(401, { message: 'Bad credentials' });
      return;
    }
    const match =
      /^\/repos\/([^/]+)\/([^/]+)\/(deployments|compare|commits)(?:\/(.+))?$/.exec(
        url.pathname,
      );
    if (!match) {
      send(404, { message: 'Not Found' });
      return;
    }
    const repo = repository(
      `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`,
    );
    const [, , , resource, rest] = match;
    const environment = url.searchParams.get('environment');
    if (resource === 'deployments' && rest === undefined) {
      const listed =
        environment && environment !== options.environment
          ? []
          : [...repo.deployments].reverse();
      const { items, link } = paged(listed);
      send(
        200,
        items.map(d => ({
          id: d.id,
          sha: d.sha,
          environment: options.environment,
          created_at: d.createdAt,
        })),
        link,
      );
      return;
    }
    const statuses = /^(\d+)\/statuses$/.exec(rest ?? '');
    if (resource === 'deployments' && statuses) {
      const d = repo.deployments.find(x => x.id === Number(statuses[1]));
      if (!d) {
        send(404, { message: 'Not Found' });
        return;
      }
      send(200, [
        { state: d.outcome, created_at: d.finishedAt },
        { state: 'in_progress', created_at: d.createdAt },
      ]);
      return;
    }
    const at = (sha: string) => repo.commits.findIndex(c => c.sha === sha);
    if (resource === 'compare' && rest) {
      const [base, head] = decodeURIComponent(rest).split('...');
      const from = at(base);
      const to = at(head);
      if (from === -1 || to === -1) {
        send(404, { message: 'Not Found' });
        return;
      }
      const { items, link } = paged(repo.commits.slice(from + 1, to + 1));
      let status = 'identical';
      if (to > from) status = 'ahead';
      else if (to < from) status = 'behind';
      send(200, { status, commits: items.map(commitJson) }, link);
      return;
    }
    if (resource === 'commits' && rest) {
      const i = at(decodeURIComponent(rest));
      if (i === -1) send(422, { message: 'No commit found for SHA' });
      else send(200, commitJson(repo.commits[i]));
      return;
    }
    send(404, { message: 'Not Found' });
  };

  const server = await startLoopbackServer((req, url) => {
    try {
      let answer: JsonAnswer = { status: 404, body: { message: 'Not Found' } };
      route(req, url, (status, body, link) => {
        answer = { status, body, headers: link ? { Link: link } : undefined };
      });
      return answer;
    } catch (error) {
      return { status: 500, body: { message: String(error) } };
    }
  });
  return {
    settings: {
      baseUrl: server.baseUrl,
      token,
      timeoutMs: 10_000,
    },
    stop: () => server.stop(),
  };
}
