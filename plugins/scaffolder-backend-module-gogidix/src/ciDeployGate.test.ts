import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { baseAnswers, templateAnswers } from './__testUtils__/answers';
import { tempDir } from './__testUtils__/context';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from './__testUtils__/templates';

jest.setTimeout(120_000);

interface GithubStep {
  name?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}

/**
 * A portal stand-in that answers the deploy gate as the SLO backend does:
 * deny for a feature, allow for a fix or rollback. It keeps each request.
 */
async function gateStandIn() {
  const requests: Array<{ auth?: string; body: any }> = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text);
      requests.push({ auth: req.headers.authorization, body });
      const feature = body.change.kind === 'feature';
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          decision: feature ? 'deny' : 'allow',
          reason: feature
            ? 'Policy denies a feature: availability has -50% of its error budget left (min-budget=10%; allow=fix,rollback)'
            : 'Policy allows a fix',
        }),
      );
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => server.close() };
}

function run(
  shell: string,
  script: string,
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string }> {
  return new Promise(resolve => {
    execFile(
      shell,
      ['-e', '-c', script],
      { cwd, env: { PATH: process.env.PATH!, ...env } },
      (error, stdout) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          stdout,
        }),
    );
  });
}

/** A checkout whose last commit has this subject, as the runner's. */
function checkout(subject: string) {
  const dir = tempDir('gate-checkout-');
  const git = (...args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile('git', args, { cwd: dir }, e => (e ? reject(e) : resolve())),
    );
  return (async () => {
    await git('init', '-q');
    fs.writeFileSync(path.join(dir, 'README.md'), 'x');
    await git('add', '.');
    await git(
      '-c',
      'user.name=ci',
      '-c',
      'user.email=ci@example.invalid',
      'commit',
      '-qm',
      subject,
    );
    return dir;
  })();
}

describe('the generated pipelines ask the deploy gate before promoting', () => {
  let server: Awaited<ReturnType<typeof startScaffolder>>['server'];
  let portal: Awaited<ReturnType<typeof gateStandIn>>;

  beforeAll(async () => {
    ({ server } = await startScaffolder());
    portal = await gateStandIn();
  });
  afterAll(() => portal.close());

  async function render(ciProvider: 'github' | 'gitlab', filePath: string) {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: loadTemplate('typescript-service'),
        values: {
          ...baseAnswers,
          ...templateAnswers['typescript-service'],
          name: 'gated-svc',
          meshEnabled: true,
          ciProvider,
          environments: ['dev', 'staging', 'prod'],
        },
        directoryContents: templateDirectoryContents('typescript-service'),
      });
    expect(res.status).toBe(200);
    const found = (
      res.body.directoryContents as Array<{
        path: string;
        base64Content: string;
      }>
    ).find(f => f.path === filePath)!;
    return parse(Buffer.from(found.base64Content, 'base64').toString('utf8'));
  }

  it('GitHub: the prod job asks after the canary and before the roll-out, and every job reports its deploy', async () => {
    const workflow = await render('github', '.github/workflows/ci.yaml');
    expect(workflow.env.ENTITY_REF).toBe('component:default/gated-svc');
    const names = (job: string) =>
      (workflow.jobs[job].steps as GithubStep[]).map(s => s.name ?? '');
    const prod = names('deploy-prod');
    const gate = prod.indexOf("Ask the portal's deploy gate (error budget)");
    expect(gate).toBeGreaterThan(
      prod.indexOf("Watch the canary's SLO burn rate"),
    );
    expect(gate).toBeLessThan(prod.indexOf('Roll out'));
    expect(names('deploy-dev')).not.toContain(prod[gate]);
    for (const job of ['deploy-dev', 'deploy-staging', 'deploy-prod']) {
      const report = (workflow.jobs[job].steps as GithubStep[]).find(
        s => s.name === 'Report the deploy to the portal',
      )!;
      expect(report.if).toBe('always()');
      expect(report.run).toContain('/api/delivery/deployments');
      expect(report.env!.ENVIRONMENT).toBe(
        job === 'deploy-prod' ? 'production' : job.replace('deploy-', ''),
      );
    }

    const step = (workflow.jobs['deploy-prod'].steps as GithubStep[])[gate];
    const env = {
      ENTITY_REF: workflow.env.ENTITY_REF,
      PORTAL_API: portal.url,
      PORTAL_TOKEN: 'ci-token',
      GITHUB_SHA: 'abc123',
    };
    portal.requests.length = 0;
    const denied = await run(
      'bash',
      step.run!,
      env,
      await checkout('feat: new search'),
    );
    expect(denied.code).not.toBe(0);
    expect(denied.stdout).toContain(
      'Deploy gate for a feature: deny: Policy denies a feature: availability has -50%',
    );
    const allowed = await run(
      'bash',
      step.run!,
      env,
      await checkout('fix: the search timeout'),
    );
    expect(allowed.code).toBe(0);
    expect(portal.requests).toEqual([
      {
        auth: 'Bearer ci-token',
        body: {
          entityRef: 'component:default/gated-svc',
          change: { kind: 'feature', sha: 'abc123' },
        },
      },
      {
        auth: 'Bearer ci-token',
        body: {
          entityRef: 'component:default/gated-svc',
          change: { kind: 'fix', sha: 'abc123' },
        },
      },
    ]);
  });

  it('GitLab: the prod job asks before the roll-out, and reports its deploy after any outcome', async () => {
    const pipeline = await render('gitlab', '.gitlab-ci.yml');
    const prod = pipeline['deploy-prod'];
    const script = prod.script as string[];
    const gate = script.findIndex(line =>
      line.includes('/api/slo/deploy-gate'),
    );
    const rollout = script.findIndex(line =>
      line.includes('--set image.tag=$CI_COMMIT_SHA'),
    );
    const canary = script.findIndex(line =>
      line.includes('mesh.canary.enabled=true'),
    );
    expect(canary).toBeGreaterThanOrEqual(0);
    expect(gate).toBeGreaterThan(canary);
    expect(gate).toBeLessThan(rollout);
    expect(
      (pipeline['deploy-dev'].script as string[]).some(l =>
        l.includes('/api/slo/deploy-gate'),
      ),
    ).toBe(false);
    expect(prod.variables.ENVIRONMENT).toBe('production');
    expect(prod.after_script.join('\n')).toContain('/api/delivery/deployments');

    const env = {
      ENTITY_REF: pipeline.variables.ENTITY_REF,
      PORTAL_API: portal.url,
      GOGIDIX_PORTAL_TOKEN: 'ci-token',
      CI_COMMIT_SHA: 'def456',
    };
    const cwd = tempDir('gate-gitlab-');
    portal.requests.length = 0;
    const denied = await run(
      'sh',
      script[gate],
      {
        ...env,
        CI_COMMIT_TITLE: 'Add saved searches',
      },
      cwd,
    );
    expect(denied.code).not.toBe(0);
    expect(denied.stdout).toContain('Deploy gate for a feature: deny:');
    const allowed = await run(
      'sh',
      script[gate],
      {
        ...env,
        CI_COMMIT_TITLE: 'Revert "Add saved searches"',
      },
      cwd,
    );
    expect(allowed.code).toBe(0);
    expect(portal.requests.map(r => r.body.change.kind)).toEqual([
      'feature',
      'rollback',
    ]);
  });
});
