import { checkTerraformPolicies } from './checkTerraformPolicies';

/** A module that passes every policy; each case below breaks one thing. */
const compliant = {
  'versions.tf': `
terraform {
  required_providers {
    aws    = { source = "hashicorp/aws", version = "~> 5.70" }
    random = { source = "hashicorp/random", version = ">= 3.6, < 4.0" }
  }
}`,
  'main.tf': `
variable "team" { type = string }
variable "tags" {
  type    = map(string)
  default = {}
}
variable "backup_days" {
  type    = number
  default = 14
}
locals {
  tags = merge({ "cost-center" = var.team }, var.tags, {
    team        = var.team
    service     = "listings"
    environment = "dev"
  })
}
resource "aws_db_instance" "db" {
  storage_encrypted           = true
  backup_retention_period     = var.backup_days
  publicly_accessible         = false
  manage_master_user_password = true
  tags                        = local.tags
}
resource "aws_s3_bucket" "docs" {
  bucket = "docs"
  tags   = local.tags
}
resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }
  }
}
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = true
  tags                    = local.tags
}
resource "aws_security_group" "db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = local.tags
}
resource "random_password" "x" { length = 32 }
module "vpc" {
  source = "git::https://github.com/gogidix/infra.git//modules/vpc?ref=v1.4.0"
}
module "registry" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.13.0"
}`,
};

type Files = Record<string, string>;

async function check(files: Files) {
  return checkTerraformPolicies(
    Object.entries(files).map(([name, content]) => ({
      path: `infra/terraform/modules/x/${name}`,
      content,
    })),
  );
}

/** The compliant module with one piece of text replaced. */
function breaking(file: string, from: string, to: string): Files {
  if (!compliant[file as keyof typeof compliant].includes(from)) {
    throw new Error(`Fixture does not contain ${from}`);
  }
  return {
    ...compliant,
    [file]: compliant[file as keyof typeof compliant].replace(from, to),
  };
}

describe('checkTerraformPolicies', () => {
  it('finds nothing wrong with a compliant module', async () => {
    expect(await check(compliant)).toEqual([]);
  });

  it.each([
    [
      'an unencrypted database',
      breaking(
        'main.tf',
        'storage_encrypted           = true',
        'storage_encrypted = false',
      ),
      'encryption-at-rest',
      'aws_db_instance.db',
      'storage_encrypted',
    ],
    [
      'a bucket without an encryption configuration',
      breaking('main.tf', 'bucket = aws_s3_bucket.docs.id', 'bucket = "other"'),
      'encryption-at-rest',
      'aws_s3_bucket.docs',
      undefined,
    ],
    [
      'an unencrypted queue',
      breaking(
        'main.tf',
        'sqs_managed_sse_enabled = true',
        'sqs_managed_sse_enabled = false',
      ),
      'encryption-at-rest',
      'aws_sqs_queue.jobs',
      'sqs_managed_sse_enabled',
    ],
    [
      'a database with short backups',
      breaking('main.tf', 'default = 14', 'default = 1'),
      'database-backups',
      'aws_db_instance.db',
      'backup_retention_period',
    ],
    [
      'a database with no backup setting',
      breaking('main.tf', 'backup_retention_period     = var.backup_days', ''),
      'database-backups',
      'aws_db_instance.db',
      'backup_retention_period',
    ],
    [
      'a database that skips its final snapshot',
      breaking(
        'main.tf',
        'publicly_accessible         = false',
        'skip_final_snapshot = true',
      ),
      'database-backups',
      'aws_db_instance.db',
      'skip_final_snapshot',
    ],
    [
      'a public database',
      breaking(
        'main.tf',
        'publicly_accessible         = false',
        'publicly_accessible = true',
      ),
      'database-not-public',
      'aws_db_instance.db',
      'publicly_accessible',
    ],
    [
      'PostgreSQL open to the internet',
      breaking(
        'main.tf',
        'cidr_blocks = ["10.0.0.0/16"]',
        'cidr_blocks = ["0.0.0.0/0"]',
      ),
      'admin-port-open-to-world',
      'aws_security_group.db',
      'ingress[0]',
    ],
    [
      'all ports open to the internet',
      breaking(
        'main.tf',
        `from_port   = 443
    to_port     = 443
    protocol    = "tcp"`,
        `from_port = 0
    to_port = 0
    protocol = "-1"`,
      ),
      'admin-port-open-to-world',
      'aws_security_group.db',
      'ingress[1]',
    ],
    [
      'SSH open to IPv6 anywhere',
      {
        ...compliant,
        'sg.tf':
          'resource "aws_vpc_security_group_ingress_rule" "ssh" {\n from_port = 22\n to_port = 22\n ip_protocol = "tcp"\n cidr_ipv6 = "::/0"\n}',
      },
      'admin-port-open-to-world',
      'aws_vpc_security_group_ingress_rule.ssh',
      'cidr_ipv4',
    ],
    [
      'a public Kubernetes API',
      {
        ...compliant,
        'eks.tf':
          'resource "aws_eks_cluster" "c" {\n vpc_config { subnet_ids = [] }\n tags = local.tags\n}',
      },
      'admin-port-open-to-world',
      'aws_eks_cluster.c',
      'vpc_config.public_access_cidrs',
    ],
    [
      'a missing tag',
      breaking('main.tf', 'service     = "listings"', ''),
      'required-tags',
      'aws_db_instance.db',
      'tags',
    ],
    [
      'tags only a caller could pass',
      breaking(
        'main.tf',
        'tags                    = local.tags',
        'tags = var.tags',
      ),
      'required-tags',
      'aws_sqs_queue.jobs',
      'tags',
    ],
    [
      'an unpinned provider',
      breaking('versions.tf', 'version = "~> 5.70"', 'version = ">= 5.0"'),
      'pinned-provider-version',
      'provider.aws',
      'terraform.required_providers.aws.version',
    ],
    [
      'a provider missing from required_providers',
      breaking(
        'versions.tf',
        'random = { source = "hashicorp/random", version = ">= 3.6, < 4.0" }',
        '',
      ),
      'pinned-provider-version',
      'provider.random',
      'terraform.required_providers.random',
    ],
    [
      'a module on a branch',
      breaking('main.tf', '?ref=v1.4.0', '?ref=main'),
      'pinned-module-source',
      'module.vpc',
      'source',
    ],
    [
      'a git module without a ref',
      breaking('main.tf', '?ref=v1.4.0', ''),
      'pinned-module-source',
      'module.vpc',
      'source',
    ],
    [
      'a registry module without a version',
      breaking('main.tf', 'version = "5.13.0"', ''),
      'pinned-module-source',
      'module.registry',
      'source',
    ],
    [
      'a literal database password',
      breaking(
        'main.tf',
        'manage_master_user_password = true',
        'password = "hunter2"',
      ),
      'no-hardcoded-secret',
      'aws_db_instance.db',
      'password',
    ],
    [
      'a password variable with a default',
      {
        ...compliant,
        'vars.tf': 'variable "db_password" {\n default = "hunter2"\n}',
      },
      'no-hardcoded-secret',
      'var.db_password',
      'default',
    ],
  ])('fails %s', async (_, files, rule, object, field) => {
    const problems = await check(files);
    // One broken setting may fail several resources (a shared tag map), but
    // only under the rule that was broken.
    expect(problems.map(p => p.rule)).toEqual(problems.map(() => rule));
    expect(problems).toContainEqual({
      rule,
      object,
      ...(field ? { field } : {}),
      file: expect.stringMatching(/^infra\/terraform\/modules\/x\/\w+\.tf$/),
      message: expect.any(String),
    });
  });

  it('reports a file that does not parse, by name', async () => {
    const problems = await check({
      ...compliant,
      'broken.tf': 'resource "aws_s3_bucket" "x" {',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'infra/terraform/modules/x/broken.tf',
        rule: 'hcl-syntax',
        message: expect.stringMatching(
          /broken\.tf.*Unclosed configuration block/,
        ),
      }),
    ]);
  });

  describe('on Terragrunt files', () => {
    const terragrunt = (source: string, inputs = 'environment = "dev"') => [
      {
        path: 'infra/terraform/live/dev/platform/terragrunt.hcl',
        content: `include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\nterraform {\n  source = "${source}"\n}\ninputs = {\n  ${inputs}\n}\n`,
      },
    ];

    it.each([
      ['a local module', '../../../modules//aws/platform'],
      [
        'a repo-relative module',
        '${get_repo_root()}/infra/terraform//modules/aws/platform',
      ],
      [
        'a pinned git module',
        'git::https://github.com/gogidix/portal.git//infra/terraform/modules/aws/platform?ref=v1.0.0',
      ],
      [
        'a pinned registry module',
        'tfr:///terraform-aws-modules/vpc/aws?version=5.13.0',
      ],
    ])('accepts %s', async (_, source) => {
      expect(await checkTerraformPolicies(terragrunt(source))).toEqual([]);
    });

    it.each([
      [
        'a git module on a branch',
        terragrunt('git::https://github.com/gogidix/portal.git//x?ref=main'),
        'pinned-module-source',
        'source',
      ],
      [
        'a registry module without a version',
        terragrunt('tfr:///terraform-aws-modules/vpc/aws'),
        'pinned-module-source',
        'source',
      ],
      [
        'a literal secret input',
        terragrunt('../m', 'db_password = "hunter2"'),
        'no-hardcoded-secret',
        'db_password',
      ],
    ])('fails %s', async (_, files, rule, field) => {
      expect(await checkTerraformPolicies(files)).toEqual([
        expect.objectContaining({ rule, field }),
      ]);
    });

    it('accepts a secret read from the environment', async () => {
      expect(
        await checkTerraformPolicies(
          terragrunt('../m', 'db_password = get_env("DB_PASSWORD")'),
        ),
      ).toEqual([]);
    });
  });
});
