import {
  CommitFixture,
  GitHubDeploymentFixture,
  GITHUB_STAND_IN_TOKEN,
  StandIn,
  startGitHubStandIn,
} from '@gogidix/test-kit';
import { component, fixedCatalog } from '../../__testUtils__/catalog';
import { gitHubEndpoint } from './endpoints';
import { GitHubDeploymentSource } from './GitHubDeploymentSource';
import { mockServices } from '@backstage/backend-test-utils';
import { DeploymentEvent } from '@gogidix/plugin-delivery-common';

const HOUR = 3_600_000;
const start = Date.parse('2026-10-01T00:00:00Z');
const at = (hours: number) => new Date(start + hours * HOUR).toISOString();
const sha = (i: number) => i.toString(16).padStart(40, '0');

/**
 * A history of 400 commits and a production deployment every 6 hours from
 * hour 6, each of the two commits before it; one staging deployment.
 */
function history() {
  const commits: CommitFixture[] = Array.from({ length: 400 }, (_, i) => ({
    sha: sha(i),
    date: at(i * 3),
  }));
  const deployments: GitHubDeploymentFixture[] = [];
  for (let i = 1; i <= 190; i++) {
    deployments.push({
      id: 1000 + i,
      sha: sha(2 * i + 1),
      environment: 'production',
      createdAt: at(6 * i + 0.5),
      statuses: [
        { state: 'in_progress', createdAt: at(6 * i + 0.5) },
        {
          state: i % 10 === 0 ? 'failure' : 'success',
          createdAt: at(6 * i + 0.6),
        },
        ...(i % 10 === 0
          ? []
          : [{ state: 'inactive' as const, createdAt: at(6 * i + 6) }]),
      ],
    });
  }
  deployments.push({
    id: 9999,
    sha: sha(50),
    environment: 'staging',
    createdAt: at(500),
    statuses: [{ state: 'success', createdAt: at(500.1) }],
  });
  return { commits, deployments };
}

describe('GitHubDeploymentSource against the GitHub stand-in', () => {
  let github: StandIn;
  const since = new Date(at(6 * 40)); // deployments 40..190 are in, 39 is the base

  beforeAll(async () => {
    const bulk = history();
    // One deployment that ships 150 commits (two compare pages), and a rollback.
    const rollback = {
      commits: Array.from({ length: 160 }, (_, i) => ({
        sha: sha(10_000 + i),
        date: at(i),
      })),
      deployments: [
        { id: 1, sha: sha(10_000), createdAt: at(300) },
        { id: 2, sha: sha(10_150), createdAt: at(301) },
        { id: 3, sha: sha(10_155), createdAt: at(302) },
        { id: 4, sha: sha(10_150), createdAt: at(303) },
      ].map(d => ({
        ...d,
        environment: 'production',
        statuses: [{ state: 'success' as const, createdAt: d.createdAt }],
      })),
    };
    github = await startGitHubStandIn({
      'gogidix/payments': bulk,
      'gogidix/search': rollback,
      'gogidix/contested': bulk,
    });
  });
  afterAll(() => github.stop());

  const source = (
    token = GITHUB_STAND_IN_TOKEN,
    known?: (ids: string[]) => Promise<DeploymentEvent[]>,
  ) =>
    new GitHubDeploymentSource(
      gitHubEndpoint(
        { baseUrl: github.baseUrl, token, timeoutMs: 5000 },
        mockServices.logger.mock(),
      ),
      fixedCatalog([
        component('payments', 'payments', {
          'github.com/project-slug': 'Gogidix/Payments',
        }),
        component('search', 'search', {
          'github.com/project-slug': 'gogidix/search',
        }),
        component('a', 'payments', {
          'github.com/project-slug': 'gogidix/contested',
        }),
        component('b', 'search', {
          'github.com/project-slug': 'gogidix/contested',
        }),
      ]),
      'production',
      known,
    );

  it('reads every production deployment since, across Link pages, with its commits', async () => {
    github.requests.length = 0;
    const { deployments } = await source().read(since);
    const payments = deployments.filter(
      d => d.entityRef === 'component:default/payments',
    );
    // Deployments 40..190 start at or after `since`.
    expect(payments.map(d => d.id)).toEqual(
      Array.from(
        { length: 151 },
        (_, i) => `github:gogidix/payments:${1040 + i}`,
      ),
    );
    // Each ships the two commits after the previous deployment's, the first
    // those after deployment 39's.
    for (const d of payments) {
      const i = Number(d.id.split(':').pop()) - 1000;
      expect(d.commits.map(c => c.sha)).toEqual([sha(2 * i), sha(2 * i + 1)]);
      expect(d.commits[1].committedAt).toBe(at((2 * i + 1) * 3));
      expect(d.status).toBe(i % 10 === 0 ? 'failure' : 'success');
      expect(d.finishedAt).toBe(at(6 * i + 0.6));
      expect(d.environment).toBe('production');
    }
    const pages = github.requests
      .filter(r => r.url.pathname === '/repos/gogidix/payments/deployments')
      .map(r => r.url.searchParams.get('page'));
    expect(pages).toEqual([null, '2']);
  });

  it('pages a long comparison and takes a redeploy of an older commit as a rollback', async () => {
    const { deployments } = await source().read(new Date(at(300)));
    const search = deployments.filter(
      d => d.entityRef === 'component:default/search',
    );
    expect(search.map(d => [d.id, d.commits.length, d.rollbackOf])).toEqual([
      ['github:gogidix/search:1', 1, null],
      ['github:gogidix/search:2', 150, null],
      ['github:gogidix/search:3', 5, null],
      ['github:gogidix/search:4', 0, 'github:gogidix/search:3'],
    ]);
    expect(
      github.requests.some(
        r =>
          r.url.pathname.startsWith('/repos/gogidix/search/compare/') &&
          r.url.searchParams.get('page') === '2',
      ),
    ).toBe(true);
  });

  it('asks again only about deployments it has not seen finish', async () => {
    const first = await source().read(since);
    const stored = new Map(first.deployments.map(d => [d.id, d]));
    // One of them was still running when it was last read.
    stored.set('github:gogidix/payments:1100', {
      ...stored.get('github:gogidix/payments:1100')!,
      status: 'in_progress',
      finishedAt: null,
    });
    github.requests.length = 0;
    const again = await source(GITHUB_STAND_IN_TOKEN, async ids =>
      ids.flatMap(id => (stored.has(id) ? [stored.get(id)!] : [])),
    ).read(since);
    expect(again.deployments).toEqual(first.deployments);
    const asked = github.requests
      .map(r => r.url.pathname)
      .filter(p => !p.endsWith('/deployments'));
    expect(asked).toEqual([
      '/repos/gogidix/payments/deployments/1100/statuses',
      `/repos/gogidix/payments/compare/${sha(199)}...${sha(201)}`,
    ]);
  });

  it('reads nothing from a repository two owners claim', async () => {
    github.requests.length = 0;
    const { deployments } = await source().read(since);
    expect(deployments.some(d => d.id.includes('contested'))).toBe(false);
    expect(
      github.requests.some(r => r.url.pathname.includes('contested')),
    ).toBe(false);
  });

  it('names the config key, never the token, when GitHub refuses it', async () => {
    const wrong = 'ghp_WrongToken1234567890';
    const error = await source(wrong)
      .read(since)
      .catch(e => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/401.*delivery\.github\.token/);
    expect((error as Error).message).not.toContain(wrong);
  });
});
