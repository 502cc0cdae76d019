import { mockServices } from '@backstage/backend-test-utils';
import {
  CommitFixture,
  GitLabDeploymentFixture,
  GITLAB_STAND_IN_TOKEN,
  StandIn,
  startGitLabStandIn,
} from '@gogidix/test-kit';
import { component, fixedCatalog } from '../../__testUtils__/catalog';
import { gitLabEndpoint } from './endpoints';
import { GitLabDeploymentSource } from './GitLabDeploymentSource';

const HOUR = 3_600_000;
const start = Date.parse('2026-10-01T00:00:00Z');
const at = (hours: number) => new Date(start + hours * HOUR).toISOString();
const sha = (i: number) => `c${String(i).padStart(39, '0')}`;

/** 130 deployments, one every 4 hours, each shipping the three commits before it. */
function project() {
  const commits: CommitFixture[] = Array.from({ length: 400 }, (_, i) => ({
    sha: sha(i),
    date: at(i),
  }));
  const status = (i: number): GitLabDeploymentFixture['status'] => {
    if (i === 130) return 'running';
    if (i % 7 === 0) return 'failed';
    return 'success';
  };
  const deployments: GitLabDeploymentFixture[] = Array.from(
    { length: 130 },
    (_, n) => {
      const i = n + 1;
      return {
        id: 500 + i,
        sha: sha(3 * i),
        environment: 'production',
        status: status(i),
        createdAt: at(4 * i),
        updatedAt: at(4 * i + 1),
        finishedAt: status(i) === 'running' ? null : at(4 * i + 1),
      };
    },
  );
  deployments.push({
    id: 900,
    sha: sha(9),
    environment: 'staging',
    status: 'success',
    createdAt: at(40),
    updatedAt: at(41),
  });
  return { commits, deployments };
}

describe('GitLabDeploymentSource against the GitLab stand-in', () => {
  let gitlab: StandIn;
  beforeAll(async () => {
    gitlab = await startGitLabStandIn({ 'payments/payments-api': project() });
  });
  afterAll(() => gitlab.stop());

  const source = (token = GITLAB_STAND_IN_TOKEN) =>
    new GitLabDeploymentSource(
      gitLabEndpoint(
        { baseUrl: gitlab.baseUrl, token, timeoutMs: 5000 },
        mockServices.logger.mock(),
      ),
      fixedCatalog([
        component('payments-api', 'payments', {
          'gitlab.com/project-slug': 'payments/payments-api',
        }),
      ]),
      'production',
    );

  it('reads every page by X-Next-Page, with each deployment’s commits', async () => {
    gitlab.requests.length = 0;
    // Deployment 10 was updated at hour 41, after `since`: it is the base.
    const since = new Date(at(40.5));
    const { deployments } = await source().read(since);
    expect(deployments.map(d => d.id)).toEqual(
      Array.from(
        { length: 120 },
        (_, n) => `gitlab:payments/payments-api:${511 + n}`,
      ),
    );
    for (const d of deployments) {
      const i = Number(d.id.split(':').pop()) - 500;
      expect(d.commits.map(c => c.sha)).toEqual([
        sha(3 * i - 2),
        sha(3 * i - 1),
        sha(3 * i),
      ]);
      expect(d.commits[2].committedAt).toBe(at(3 * i));
      expect(d.entityRef).toBe('component:default/payments-api');
    }
    expect(deployments.at(-1)).toMatchObject({
      status: 'in_progress',
      finishedAt: null,
    });
    expect(deployments.find(d => d.id.endsWith(':514'))).toMatchObject({
      status: 'failure',
      finishedAt: at(4 * 14 + 1),
    });
    const listed = gitlab.requests.filter(r =>
      r.url.pathname.endsWith('/deployments'),
    );
    expect(listed.map(r => r.url.searchParams.get('page'))).toEqual(['1', '2']);
    expect(listed[0].url.searchParams.get('environment')).toBe('production');
    expect(listed[0].url.searchParams.get('updated_after')).toBe(
      since.toISOString(),
    );
    // The project id is its path, encoded as one segment.
    expect(listed[0].url.pathname).toBe(
      '/projects/payments%2Fpayments-api/deployments',
    );
  });

  it('takes the first deployment’s own commit when nothing before it was read', async () => {
    const { deployments } = await source().read(new Date(at(515)));
    expect(deployments.map(d => [d.id, d.commits.map(c => c.sha)])).toEqual([
      ['gitlab:payments/payments-api:629', [sha(387)]],
      ['gitlab:payments/payments-api:630', [sha(388), sha(389), sha(390)]],
    ]);
  });

  it('names the config key, never the token, when GitLab refuses it', async () => {
    const wrong = 'glpat-wrong-token-123';
    const error = await source(wrong)
      .read(new Date(at(0)))
      .catch(e => e as Error);
    expect((error as Error).message).toMatch(/401.*delivery\.gitlab\.token/);
    expect((error as Error).message).not.toContain(wrong);
  });
});
