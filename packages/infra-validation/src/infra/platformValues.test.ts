import { parse } from '@cdktf/hcl2json';
import fs from 'node:fs';
import path from 'node:path';
import { lintHelmChart, renderHelmChart } from '../helm/helmChart';
import { validateKubernetesObjects } from '../kubernetes/validateKubernetesObjects';
import { portalChartDir, terraformDir } from './__testUtils__/repoPaths';

/** What each Terraform expression in the output evaluates to in a plan. */
const PLANNED: Record<string, unknown> = {
  'var.hostname': 'portal.gogidix.dev',
  'module.database.host':
    'prod-gogidix-portal.abc123.eu-west-1.rds.amazonaws.com',
  'module.database.port': 5432,
  'aws_iam_role.portal.arn':
    'arn:aws:iam::333333333333:role/prod-gogidix-portal-portal',
  'var.vpc_cidr': '10.20.0.0/16',
};

/** Replaces `${expr}` (whole strings or parts of them) with planned values. */
function evaluate(value: unknown): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    if (whole) {
      if (!(whole[1] in PLANNED))
        throw new Error(`No planned value for ${whole[1]}`);
      return PLANNED[whole[1]];
    }
    return value.replace(/\$\{([^}]+)\}/g, (_, expr) => {
      if (!(expr in PLANNED)) throw new Error(`No planned value for ${expr}`);
      return String(PLANNED[expr]);
    });
  }
  if (Array.isArray(value)) return value.map(evaluate);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, evaluate(v)]),
    );
  }
  return value;
}

describe('the platform output portal_helm_values', () => {
  let values: Record<string, unknown>;

  beforeAll(async () => {
    const file = path.join(terraformDir, 'modules/aws/platform/outputs.tf');
    const parsed = await parse(file, fs.readFileSync(file, 'utf8'));
    values = evaluate(parsed.output.portal_helm_values[0].value) as Record<
      string,
      unknown
    >;
  });

  it('is accepted by the chart values schema', async () => {
    expect(values).toMatchObject({
      externalDatabase: { port: 5432 },
      ingress: { host: 'portal.gogidix.dev' },
    });
    expect(
      await lintHelmChart({
        chartDir: portalChartDir,
        valuesFiles: [path.join(portalChartDir, 'profiles/prod.yaml')],
        values,
      }),
    ).toEqual([]);
  });

  it('reaches the rendered objects', async () => {
    const manifests = await renderHelmChart({
      chartDir: portalChartDir,
      releaseName: 'gogidix-portal',
      namespace: 'platform',
      valuesFiles: [path.join(portalChartDir, 'profiles/prod.yaml')],
      values,
    });
    expect(validateKubernetesObjects(manifests)).toEqual([]);
    const byKind = (kind: string) =>
      manifests.find(m => m.object.kind === kind)!.object as Record<
        string,
        any
      >;
    const env = byKind('Deployment').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({
      name: 'POSTGRES_HOST',
      value: PLANNED['module.database.host'],
    });
    expect(byKind('ServiceAccount').metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn': PLANNED['aws_iam_role.portal.arn'],
    });
    expect(byKind('NetworkPolicy').spec.egress[1].to).toEqual([
      { ipBlock: { cidr: '10.20.0.0/16' } },
    ]);
  });
});
