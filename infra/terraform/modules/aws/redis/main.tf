locals {
  name = "${var.environment}-${var.service_name}"
}

resource "aws_kms_key" "this" {
  description             = "Encrypts the ${local.name} Redis data and its auth secret"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_elasticache_subnet_group" "this" {
  name       = "${local.name}-redis"
  subnet_ids = var.subnet_ids
  tags       = local.tags
}

resource "aws_security_group" "this" {
  name        = "${local.name}-redis"
  description = "Redis for ${var.service_name}, from inside the VPC only"
  vpc_id      = var.vpc_id
  tags        = local.tags

  ingress {
    description = "Redis from the allowed private ranges"
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidr_blocks
  }
}

# Generated, never written down: it reaches clients through Secrets Manager.
resource "random_password" "auth" {
  length  = 48
  special = false
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = local.name
  description                = "Cache for ${var.service_name} (${var.environment})"
  engine                     = "redis"
  engine_version             = "7.1"
  parameter_group_name       = "default.redis7"
  node_type                  = var.node_type
  num_cache_clusters         = var.replicas
  automatic_failover_enabled = var.replicas > 1
  multi_az_enabled           = var.replicas > 1
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.this.id]

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  transit_encryption_enabled = true
  auth_token                 = random_password.auth.result

  snapshot_retention_limit   = var.snapshot_retention_days
  snapshot_window            = "03:00-04:00"
  maintenance_window         = "sun:05:00-sun:06:00"
  auto_minor_version_upgrade = true

  tags = local.tags
}

resource "aws_secretsmanager_secret" "auth" {
  name        = "${local.name}/redis"
  description = "Auth token and rediss:// URL of the ${local.name} Redis"
  kms_key_id  = aws_kms_key.this.arn
  tags        = local.tags
}

resource "aws_secretsmanager_secret_version" "auth" {
  secret_id = aws_secretsmanager_secret.auth.id
  secret_string = jsonencode({
    auth_token = random_password.auth.result
    url        = "rediss://:${random_password.auth.result}@${aws_elasticache_replication_group.this.primary_endpoint_address}:6379"
  })
}
