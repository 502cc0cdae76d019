import fs from 'node:fs';
import path from 'node:path';
import { checkTerraformPolicies } from '../terraform/checkTerraformPolicies';
import { repoRoot, terraformDir } from './__testUtils__/repoPaths';

/** Every .tf and .hcl file under a folder, with paths relative to the repo. */
function hclFiles(dir: string): Array<{ path: string; content: string }> {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => /\.(tf|hcl)$/.test(file))
    .sort()
    .map(file => ({
      path: path.relative(repoRoot, path.join(dir, file)),
      content: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
}

describe('infra/terraform', () => {
  const files = hclFiles(terraformDir);

  it('has the modules and live configuration it documents', () => {
    const paths = files.map(f => f.path);
    for (const module of [
      'platform',
      'eks-cluster',
      'service-postgres',
      'service-bucket',
      'service-queue',
      'redis',
      'dns',
    ]) {
      expect(paths).toContain(`infra/terraform/modules/aws/${module}/main.tf`);
    }
    for (const env of ['dev', 'staging', 'prod']) {
      expect(paths).toContain(
        `infra/terraform/live/${env}/platform/terragrunt.hcl`,
      );
    }
  });

  it('passes every policy', async () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(await checkTerraformPolicies(files)).toEqual([]);
  });

  it.each(['service-postgres', 'service-bucket', 'service-queue'])(
    'gives %s the inputs service templates pass, and documented outputs',
    name => {
      const dir = path.join(terraformDir, 'modules/aws', name);
      const text = fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.tf'))
        .map(f => fs.readFileSync(path.join(dir, f), 'utf8'))
        .join('\n');
      for (const input of ['service_name', 'team', 'environment', 'tags']) {
        expect(text).toMatch(new RegExp(`variable "${input}"`));
      }
      expect(text).toMatch(
        /variable "tags" \{\s*description[^}]*map\(string\)/,
      );
      const outputs = [...text.matchAll(/output "(\w+)" \{\s*description/g)];
      expect(outputs.length).toBeGreaterThanOrEqual(4);
      const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
      for (const [, output] of outputs) {
        expect(readme).toContain(`\`${output}\``);
      }
    },
  );
});

describe('the policies on insecure fixtures', () => {
  const fixtures = path.join(__dirname, '__fixtures__');

  it('fail an insecure database module on every count', async () => {
    const problems = await checkTerraformPolicies(
      hclFiles(path.join(fixtures, 'insecure-database')),
    );
    const found = problems.map(p => `${p.rule} ${p.object} ${p.field ?? ''}`);
    expect(found.sort()).toEqual(
      [
        'admin-port-open-to-world aws_security_group.orders_db ingress[0]',
        'database-backups aws_db_instance.orders backup_retention_period',
        'database-backups aws_db_instance.orders skip_final_snapshot',
        'database-not-public aws_db_instance.orders publicly_accessible',
        'encryption-at-rest aws_db_instance.orders storage_encrypted',
        'encryption-at-rest aws_s3_bucket.exports ',
        'encryption-at-rest aws_sqs_queue.events sqs_managed_sse_enabled',
        'no-hardcoded-secret aws_db_instance.orders password',
        'pinned-module-source module.network source',
        'pinned-provider-version provider.aws terraform.required_providers.aws.version',
        'required-tags aws_db_instance.orders tags',
      ].sort(),
    );
    for (const problem of problems) {
      expect(problem.file).toMatch(
        /__fixtures__\/insecure-database\/main\.tf$/,
      );
    }
  });

  it('fail a Terragrunt unit with an unpinned source and a literal secret', async () => {
    const problems = await checkTerraformPolicies(
      hclFiles(path.join(fixtures, 'leaky-live')),
    );
    expect(problems.map(p => `${p.rule} ${p.field}`).sort()).toEqual([
      'no-hardcoded-secret admin_password',
      'pinned-module-source source',
    ]);
  });
});
