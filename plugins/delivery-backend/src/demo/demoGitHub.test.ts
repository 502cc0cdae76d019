import { mockServices } from '@backstage/backend-test-utils';
import { component, fixedCatalog } from '../__testUtils__/catalog';
import { gitHubEndpoint } from '../service/sources/endpoints';
import { GitHubDeploymentSource } from '../service/sources/GitHubDeploymentSource';
import { demoRepository } from './demoHistory';
import { startDemoGitHub } from './demoGitHub';

const now = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;

describe('the demo GitHub', () => {
  it('serves the demo history through the real GitHub client', async () => {
    const demo = await startDemoGitHub({
      lookbackDays: 90,
      environment: 'production',
      now: () => now,
    });
    try {
      const source = new GitHubDeploymentSource(
        gitHubEndpoint(demo.settings, mockServices.logger.mock()),
        fixedCatalog([
          component('payments-service', 'payments', {
            'github.com/project-slug': 'payments/payments-service',
          }),
        ]),
        'production',
      );
      const since = new Date(now.getTime() - 30 * DAY);
      const { deployments } = await source.read(since);
      // Independently: the history's deployments since, with their commits.
      const history = demoRepository('payments/payments-service', now, 97);
      const expected = history.deployments.filter(
        d => Date.parse(d.createdAt) >= since.getTime(),
      );
      expect(expected.length).toBeGreaterThan(5);
      expect(deployments.map(d => [d.sha, d.status, d.startedAt])).toEqual(
        expected.map(d => [
          d.sha,
          d.outcome === 'success' ? 'success' : 'failure',
          d.createdAt,
        ]),
      );
      const shipped = deployments.flatMap(d => d.commits.map(c => c.sha));
      const first = history.commits.findIndex(
        c =>
          c.sha ===
          history.deployments[history.deployments.indexOf(expected[0]) - 1].sha,
      );
      const last = history.commits.findIndex(
        c => c.sha === expected.at(-1)!.sha,
      );
      expect(shipped).toEqual(
        history.commits.slice(first + 1, last + 1).map(c => c.sha),
      );
    } finally {
      await demo.stop();
    }
  });

  it('is the same history on every start', () => {
    expect(demoRepository('a/b', now, 30)).toEqual(
      demoRepository('a/b', new Date(now.getTime() + 60_000), 30),
    );
  });
});
