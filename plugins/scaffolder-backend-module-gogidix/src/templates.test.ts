import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import {
  GPU_PROFILES,
  TEMPLATES,
  baseAnswers,
  templateAnswers,
} from './__testUtils__/answers';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from './__testUtils__/templates';

interface DryRunResult {
  log: Array<{ body: { message: string; status?: string; stepId?: string } }>;
  directoryContents: Array<{ path: string; base64Content: string }>;
  output: Record<string, unknown>;
  steps: Array<{ id: string }>;
}

/**
 * Every template, every GPU profile, mesh on and off, each CI provider; the
 * other answers (Vault, Terraform resources, environments, SLO window, tier)
 * rotate so each of their values is rendered too. Each case runs the
 * template's real steps through the scaffolder's dry-run API, including
 * `gogidix:service:validate`, which fails the run on any problem.
 */
const cases = TEMPLATES.flatMap(template =>
  GPU_PROFILES.flatMap(gpuProfile =>
    [true, false].flatMap(meshEnabled =>
      ['github', 'gitlab'].map(ciProvider => ({
        template,
        gpuProfile,
        meshEnabled,
        ciProvider,
      })),
    ),
  ),
).map((c, i) => ({
  ...c,
  vaultEnabled: i % 2 === 0,
  infrastructure: i % 3 !== 1,
  environments: i % 4 === 3 ? ['dev'] : ['dev', 'staging', 'prod'],
  sloWindow: i % 5 === 4 ? '30d' : '28d',
  tier: `tier-${i % 4}`,
}));

jest.setTimeout(120_000);

describe('service templates', () => {
  let server: Awaited<ReturnType<typeof startScaffolder>>['server'];
  const templates = Object.fromEntries(
    TEMPLATES.map(t => [t, loadTemplate(t)]),
  );
  const contents = Object.fromEntries(
    TEMPLATES.map(t => [t, templateDirectoryContents(t)]),
  );

  beforeAll(async () => {
    ({ server } = await startScaffolder());
  });

  async function dryRun(template: string, values: Record<string, unknown>) {
    return request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: templates[template],
        values,
        directoryContents: contents[template],
      });
  }

  const file = (result: DryRunResult, filePath: string) => {
    const found = result.directoryContents.find(f => f.path === filePath);
    return found && Buffer.from(found.base64Content, 'base64').toString('utf8');
  };

  it.each(cases)(
    '$template with GPU $gpuProfile, mesh $meshEnabled, $ciProvider CI',
    async c => {
      const name = `svc-${c.gpuProfile}-${c.meshEnabled ? 'mesh' : 'plain'}`;
      const res = await dryRun(c.template, {
        ...baseAnswers,
        ...templateAnswers[c.template],
        name,
        gpuProfile: c.gpuProfile,
        meshEnabled: c.meshEnabled,
        ciProvider: c.ciProvider,
        vaultEnabled: c.vaultEnabled,
        postgres: c.infrastructure,
        bucket: c.infrastructure,
        queue: c.infrastructure,
        environments: c.environments,
        sloWindow: c.sloWindow,
        tier: c.tier,
        // Tier-0 and tier-1 services must name who is paged.
        ...(['tier-0', 'tier-1'].includes(c.tier)
          ? { pagerdutyServiceId: 'P4X9QZK' }
          : {}),
      });
      // The body in the failure message says which field the schema refused.
      expect({
        status: res.status,
        body: res.status === 200 ? 'ok' : res.body,
      }).toEqual({ status: 200, body: 'ok' });
      const result = res.body as DryRunResult;
      const errors = result.log.filter(l => l.body.status === 'failed');
      expect(errors.map(l => l.body.message)).toEqual([]);
      const messages = result.log.map(l => l.body.message).join('\n');
      expect(messages).toMatch(/Validated \d+ Kubernetes objects/);

      const paths = result.directoryContents.map(f => f.path);
      expect(paths.includes('.github/workflows/ci.yaml')).toBe(
        c.ciProvider === 'github',
      );
      expect(paths.includes('.gitlab-ci.yml')).toBe(c.ciProvider === 'gitlab');
      expect(paths.includes('terraform/postgres/terragrunt.hcl')).toBe(
        c.infrastructure,
      );
      expect(paths.includes('deploy/vault/policy.hcl')).toBe(c.vaultEnabled);

      // The pipeline is YAML whose prod job, and only it, asks the deploy
      // gate; every deploy job reports its deploy (ciDeployGate.test.ts
      // runs these steps).
      const pipeline = parse(
        file(
          result,
          c.ciProvider === 'github'
            ? '.github/workflows/ci.yaml'
            : '.gitlab-ci.yml',
        )!,
      );
      const jobs = c.ciProvider === 'github' ? pipeline.jobs : pipeline;
      const deployJobs = Object.keys(jobs).filter(j => j.startsWith('deploy-'));
      expect(deployJobs).toEqual(c.environments.map(env => `deploy-${env}`));
      const says = (job: string, text: string) =>
        JSON.stringify(jobs[job]).includes(text);
      expect(deployJobs.filter(j => says(j, '/api/slo/deploy-gate'))).toEqual(
        c.environments.includes('prod') ? ['deploy-prod'] : [],
      );
      expect(
        deployJobs.filter(j => !says(j, '/api/delivery/deployments')),
      ).toEqual([]);

      const entities = parseAllDocuments(
        file(result, 'catalog-info.yaml')!,
      ).map(d => d.toJS());
      const component = entities.find(e => e.kind === 'Component');
      expect(component.metadata.name).toBe(name);
      expect(component.metadata.annotations['gogidix.io/gpu-profile']).toBe(
        c.gpuProfile === 'none' ? undefined : c.gpuProfile,
      );
      expect(component.metadata.labels['gogidix.io/tier']).toBe(c.tier);
      expect(entities.map(e => e.kind).sort()).toEqual(
        [
          'API',
          'Component',
          ...(c.infrastructure ? Array(3).fill('Resource') : []),
        ].sort(),
      );

      // Every burn-rate alert links to a runbook that the service ships.
      const rules = parse(
        file(result, `deploy/helm/${name}/files/slo-rules.yaml`)!,
      );
      const alerts = rules.groups.flatMap(
        (g: {
          rules: Array<{
            alert?: string;
            annotations?: Record<string, string>;
          }>;
        }) => g.rules.filter(r => r.alert),
      );
      expect(alerts).toHaveLength(4);
      for (const alert of alerts) {
        const url = alert.annotations!.runbook_url;
        expect(url).toMatch(
          new RegExp(
            `^http://portal\\.test/runbooks/default/component/${name}/`,
          ),
        );
        const runbook = `docs/runbooks/${url.split('/').pop()}.md`;
        expect(paths).toContain(runbook);
        // The runbook names the alert that links to it.
        expect(file(result, runbook)).toContain(`\`${alert.alert}\``);
        expect(file(result, runbook)).not.toContain('{{');
      }
    },
  );

  /** Every string property of a form page, dependencies included. */
  function stringFields(
    schema: unknown,
    path = '',
  ): Array<[string, Record<string, unknown>]> {
    if (!schema || typeof schema !== 'object') return [];
    const node = schema as Record<string, unknown>;
    const own: Array<[string, Record<string, unknown>]> =
      node.type === 'string' ? [[path, node]] : [];
    return own.concat(
      Object.entries(node).flatMap(([key, child]) =>
        Array.isArray(child)
          ? child.flatMap((c, i) => stringFields(c, `${path}.${key}[${i}]`))
          : stringFields(child, key === 'properties' ? path : `${path}.${key}`),
      ),
    );
  }

  it.each(TEMPLATES)(
    '%s: the form refuses control and bidi characters in every text answer',
    template => {
      const fields = stringFields(templates[template].spec!.parameters);
      const unsafe = ['a\u202eb', 'a\u2066b', 'a\u200fb', 'a\u0000b', 'a\nb'];
      const accepting = fields
        .filter(([, field]) => field.const === undefined && !field.enum)
        .filter(([, field]) =>
          unsafe.some(
            text =>
              typeof field.pattern !== 'string' ||
              new RegExp(field.pattern, 'u').test(text),
          ),
        )
        .map(([path]) => path);
      expect(accepting).toEqual([]);
    },
  );

  it('writes the PagerDuty service a tier-1 service is paged by', async () => {
    const res = await dryRun('typescript-service', {
      ...baseAnswers,
      ...templateAnswers['typescript-service'],
      tier: 'tier-1',
      pagerdutyServiceId: 'P4X9QZK',
    });
    expect(res.status).toBe(200);
    const component = parseAllDocuments(
      file(res.body as DryRunResult, 'catalog-info.yaml')!,
    )
      .map(d => d.toJS())
      .find(e => e.kind === 'Component');
    expect(component.metadata.annotations['pagerduty.com/service-id']).toBe(
      'P4X9QZK',
    );
  });

  it.each([
    ['github', { 'github.com/project-slug': 'gogidix-test/orders-api' }],
    ['gitlab', { 'gitlab.com/project-slug': 'listings/orders-api' }],
  ])(
    'names the %s repository it publishes to, for the Delivery tab',
    async (ciProvider, slug) => {
      const { server: scm } = await startScaffolder({
        scaffolder: {
          defaultEnvironment: {
            parameters: {
              publishTarget: 'scm',
              githubOrganisation: 'gogidix-test',
              gitlabHost: 'gitlab.test',
            },
          },
        },
      });
      const res = await request(scm)
        .post('/api/scaffolder/v2/dry-run')
        .set('Authorization', mockCredentials.user.header())
        .send({
          template: templates['typescript-service'],
          values: {
            ...baseAnswers,
            ...templateAnswers['typescript-service'],
            name: 'orders-api',
            ciProvider,
          },
          directoryContents: contents['typescript-service'],
        });
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      const component = parseAllDocuments(
        file(res.body as DryRunResult, 'catalog-info.yaml')!,
      )
        .map(d => d.toJS())
        .find(e => e.kind === 'Component');
      const annotations = component.metadata.annotations;
      expect(
        Object.fromEntries(
          Object.entries(annotations).filter(([key]) =>
            key.endsWith('/project-slug'),
          ),
        ),
      ).toEqual(slug);
    },
  );

  it('writes no project slug when publishing to this machine', async () => {
    const res = await dryRun('typescript-service', {
      ...baseAnswers,
      ...templateAnswers['typescript-service'],
    });
    expect(res.status).toBe(200);
    const catalog = file(res.body as DryRunResult, 'catalog-info.yaml')!;
    expect(catalog).not.toContain('project-slug');
  });

  it('refuses a PagerDuty service on a tier-2 service, naming the field', async () => {
    const res = await dryRun('typescript-service', {
      ...baseAnswers,
      ...templateAnswers['typescript-service'],
      tier: 'tier-2',
      pagerdutyServiceId: 'P4X9QZK',
    });
    // The run stops at the platform step, before anything is published.
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /pagerdutyServiceId: only tier-0 and tier-1 services are paged/,
    );
  });

  it('refuses a tier-1 service without the PagerDuty service that pages for it', async () => {
    const res = await dryRun('typescript-service', {
      ...baseAnswers,
      ...templateAnswers['typescript-service'],
      tier: 'tier-1',
    });
    expect(res.status).toBe(400);
    // The scaffolder checks the form's schema before any step runs.
    expect(res.body.errors[0]).toMatchObject({
      argument: 'instance.tier',
      message: 'does not meet dependency required by instance.tier',
    });
  });

  it.each([
    ['canary weight above 100', { canaryWeight: 150 }, /canaryWeight/],
    ['an invalid name', { name: 'Listing_Photos' }, /name/],
    ['an unknown CI provider', { ciProvider: 'jenkins' }, /ciProvider/],
    ['an unsupported GPU profile', { gpuProfile: 'tpu' }, /gpuProfile/],
    [
      'a PagerDuty ID that is not one',
      { tier: 'tier-0', pagerdutyServiceId: 'payments' },
      /pagerdutyServiceId/,
    ],
  ])('refuses %s before any step runs', async (_, override, field) => {
    const res = await dryRun('typescript-service', {
      ...baseAnswers,
      ...templateAnswers['typescript-service'],
      ...override,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(field);
  });

  it.each([
    [
      'a name already in the catalog',
      { name: 'listings-service' },
      /name: component:default\/listings-service is already in the catalog/,
    ],
    [
      'an unknown owner',
      { owner: 'group:default/nobody' },
      /owner: group:default\/nobody is not in the catalog/,
    ],
  ])('stops at the first step on %s', async (_, override, message) => {
    const res = await dryRun('typescript-service', {
      ...baseAnswers,
      ...templateAnswers['typescript-service'],
      ...override,
    });
    // The run ends at the check, with the reason; no later step ran.
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });
});
