import { ValidationProblem } from '../types';
import { adminPortsClosedToWorld } from './networkPolicy';
import {
  HclValue,
  TerraformModule,
  TerraformResource,
  UNKNOWN,
  blocks,
  isObject,
} from './terraformModule';
import {
  BACKED_UP_DATABASES,
  ENCRYPTION_FLAGS,
  PUBLICLY_ACCESSIBLE,
  TAGGABLE,
} from './resourceTypes';

/** Automated backups must cover at least a week of point-in-time recovery. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

/** The tags every taggable resource carries, for ownership and cost reports. */
export const REQUIRED_TAGS = ['team', 'service', 'environment', 'cost-center'];

export type Finding = Omit<ValidationProblem, 'file' | 'object'>;
type ResourcePolicy = (r: TerraformResource, m: TerraformModule) => Finding[];

export function checkResources(module: TerraformModule): ValidationProblem[] {
  const policies: ResourcePolicy[] = [
    encryptionAtRest,
    databaseBackups,
    databaseNotPublic,
    adminPortsClosedToWorld,
    requiredTags,
  ];
  return module.resources().flatMap(resource =>
    policies.flatMap(policy =>
      policy(resource, module).map(finding => ({
        file: resource.file,
        object: `${resource.type}.${resource.name}`,
        ...finding,
      })),
    ),
  );
}

function encryptionAtRest(r: TerraformResource, m: TerraformModule): Finding[] {
  const rule = 'encryption-at-rest';
  const flag = ENCRYPTION_FLAGS[r.type];
  if (flag) {
    return m.resolve(r.body[flag]) === true
      ? []
      : [
          {
            rule,
            field: flag,
            message: `${flag} must be true so that the data is encrypted at rest: set ${flag} = true.`,
          },
        ];
  }
  if (r.type === 'aws_sqs_queue') {
    return m.resolve(r.body.sqs_managed_sse_enabled) === true ||
      present(m, r.body.kms_master_key_id)
      ? []
      : [
          {
            rule,
            field: 'sqs_managed_sse_enabled',
            message:
              'The queue is not encrypted at rest: set sqs_managed_sse_enabled = true or kms_master_key_id.',
          },
        ];
  }
  if (r.type === 'aws_sns_topic') {
    return present(m, r.body.kms_master_key_id)
      ? []
      : [
          {
            rule,
            field: 'kms_master_key_id',
            message:
              'The topic is not encrypted at rest: set kms_master_key_id (e.g. "alias/aws/sns").',
          },
        ];
  }
  if (r.type === 'aws_dynamodb_table') {
    const sse = blocks(r.body.server_side_encryption)[0];
    return sse && m.resolve(sse.enabled) === true
      ? []
      : [
          {
            rule,
            field: 'server_side_encryption.enabled',
            message:
              'Add server_side_encryption { enabled = true } so that the table is encrypted with a KMS key.',
          },
        ];
  }
  if (r.type === 'aws_s3_bucket') {
    const reference = new RegExp(
      `\\baws_s3_bucket\\.${r.name}\\.(id|bucket)\\b`,
    );
    const configured =
      r.body.server_side_encryption_configuration !== undefined ||
      m
        .resources()
        .some(
          other =>
            other.type ===
              'aws_s3_bucket_server_side_encryption_configuration' &&
            reference.test(String(other.body.bucket)),
        );
    return configured
      ? []
      : [
          {
            rule,
            message: `No aws_s3_bucket_server_side_encryption_configuration refers to this bucket: add one with bucket = aws_s3_bucket.${r.name}.id and an sse_algorithm.`,
          },
        ];
  }
  return [];
}

function databaseBackups(r: TerraformResource, m: TerraformModule): Finding[] {
  const rule = 'database-backups';
  if (r.type === 'aws_dynamodb_table') {
    const pitr = blocks(r.body.point_in_time_recovery)[0];
    return pitr && m.resolve(pitr.enabled) === true
      ? []
      : [
          {
            rule,
            field: 'point_in_time_recovery.enabled',
            message:
              'Add point_in_time_recovery { enabled = true } so that the table can be restored.',
          },
        ];
  }
  if (!BACKED_UP_DATABASES.has(r.type)) return [];
  const findings: Finding[] = [];
  const retention = m.resolve(r.body.backup_retention_period);
  if (typeof retention !== 'number' || retention < MIN_BACKUP_RETENTION_DAYS) {
    findings.push({
      rule,
      field: 'backup_retention_period',
      message: `Automated backups (and point-in-time recovery) need backup_retention_period >= ${MIN_BACKUP_RETENTION_DAYS} days (found ${describe(
        retention,
      )}): set it to ${MIN_BACKUP_RETENTION_DAYS} or more.`,
    });
  }
  if (m.resolve(r.body.skip_final_snapshot) === true) {
    findings.push({
      rule,
      field: 'skip_final_snapshot',
      message:
        'skip_final_snapshot = true drops the last backup with the database: set it to false and name a final_snapshot_identifier.',
    });
  }
  return findings;
}

function databaseNotPublic(
  r: TerraformResource,
  m: TerraformModule,
): Finding[] {
  if (
    !PUBLICLY_ACCESSIBLE.has(r.type) ||
    r.body.publicly_accessible === undefined
  ) {
    return [];
  }
  return m.resolve(r.body.publicly_accessible) === false
    ? []
    : [
        {
          rule: 'database-not-public',
          field: 'publicly_accessible',
          message:
            'The database may get a public address: set publicly_accessible = false and reach it from inside the VPC.',
        },
      ];
}

function requiredTags(r: TerraformResource, m: TerraformModule): Finding[] {
  if (!TAGGABLE.has(r.type)) return [];
  const keys = new Set([...tagKeys(m, r.body.tags), ...defaultTagKeys(m)]);
  const missing = REQUIRED_TAGS.filter(tag => !keys.has(tag));
  return missing.length
    ? [
        {
          rule: 'required-tags',
          field: 'tags',
          message: `Missing tag(s) ${missing.join(
            ', ',
          )}: every taggable resource carries ${REQUIRED_TAGS.join(
            ', ',
          )} (e.g. tags = local.tags built from the module's inputs).`,
        },
      ]
    : [];
}

/**
 * The tag keys an expression certainly sets: keys of object literals in it,
 * following `local.x` and `var.x` (its default); keys only a caller could
 * pass (`var.tags` without a default) do not count.
 */
function tagKeys(
  m: TerraformModule,
  value: HclValue | undefined,
  depth = 0,
): string[] {
  if (value === undefined || value === null || depth > 10) return [];
  if (isObject(value)) return Object.keys(value);
  if (typeof value !== 'string') return [];
  const keys = [
    ...value.matchAll(/[{,\s]"?([A-Za-z_][\w-]*)"?\s*(?:=(?!=)|:)/g),
  ].map(match => match[1]);
  for (const [, kind, name] of value.matchAll(/\b(local|var)\.([\w-]+)/g)) {
    const referenced =
      kind === 'local'
        ? m.local(name)
        : m.namedBlocks('variable').find(v => v.name === name)?.body.default;
    keys.push(...tagKeys(m, referenced, depth + 1));
  }
  return keys;
}

function defaultTagKeys(m: TerraformModule): string[] {
  return m
    .namedBlocks('provider')
    .filter(p => p.name === 'aws')
    .flatMap(p => blocks(p.body.default_tags).flatMap(d => tagKeys(m, d.tags)));
}

function present(m: TerraformModule, value: HclValue | undefined): boolean {
  const resolved = m.resolve(value);
  return (
    resolved === UNKNOWN || (typeof resolved === 'string' && resolved !== '')
  );
}

function describe(value: unknown): string {
  if (value === UNKNOWN) return 'an expression that cannot be checked';
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
