// What the resource policies know of AWS provider resource types.

/** Resource types whose `tags` attribute the AWS provider accepts. */
export const TAGGABLE = new Set([
  'aws_acm_certificate',
  'aws_cloudwatch_log_group',
  'aws_db_instance',
  'aws_db_parameter_group',
  'aws_db_subnet_group',
  'aws_dynamodb_table',
  'aws_ebs_volume',
  'aws_efs_file_system',
  'aws_eip',
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_elasticache_parameter_group',
  'aws_elasticache_replication_group',
  'aws_elasticache_subnet_group',
  'aws_iam_policy',
  'aws_iam_role',
  'aws_instance',
  'aws_internet_gateway',
  'aws_kms_key',
  'aws_launch_template',
  'aws_lb',
  'aws_nat_gateway',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_route53_zone',
  'aws_route_table',
  'aws_s3_bucket',
  'aws_secretsmanager_secret',
  'aws_security_group',
  'aws_sns_topic',
  'aws_sqs_queue',
  'aws_subnet',
  'aws_vpc',
]);

/** Boolean attributes that switch on encryption at rest, by resource type. */
export const ENCRYPTION_FLAGS: Record<string, string> = {
  aws_db_instance: 'storage_encrypted',
  aws_rds_cluster: 'storage_encrypted',
  aws_docdb_cluster: 'storage_encrypted',
  aws_elasticache_replication_group: 'at_rest_encryption_enabled',
  aws_ebs_volume: 'encrypted',
  aws_efs_file_system: 'encrypted',
  aws_redshift_cluster: 'encrypted',
};

export const BACKED_UP_DATABASES = new Set([
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_docdb_cluster',
]);

export const PUBLICLY_ACCESSIBLE = new Set([
  'aws_db_instance',
  'aws_rds_cluster_instance',
  'aws_redshift_cluster',
  'aws_dms_replication_instance',
]);
