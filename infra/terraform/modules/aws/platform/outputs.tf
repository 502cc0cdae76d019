output "cluster_name" {
  description = "aws eks update-kubeconfig --name <this>."
  value       = module.cluster.cluster_name
}

output "vpc_cidr" {
  description = "The VPC's range."
  value       = module.vpc.vpc_cidr_block
}

output "vpc_id" {
  description = "The VPC; services' Terragrunt reads it as PLATFORM_VPC_ID."
  value       = module.vpc.vpc_id
}

output "database_subnet_ids" {
  description = "Database subnets, comma-separated; services read them as PLATFORM_DATABASE_SUBNET_IDS."
  value       = join(",", module.vpc.database_subnets)
}

output "postgres_host" {
  description = "The portal's PostgreSQL host."
  value       = module.database.host
}

output "postgres_port" {
  description = "The portal's PostgreSQL port."
  value       = module.database.port
}

output "postgres_instance_id" {
  description = "The RDS instance, for point-in-time restores."
  value       = module.database.instance_id
}

output "postgres_secret_arn" {
  description = "Secrets Manager secret with the master username and password (the chart's externalDatabase.existingSecret)."
  value       = module.database.master_user_secret_arn
}

output "redis_host" {
  description = "The portal's Redis primary endpoint."
  value       = module.cache.host
}

output "redis_auth_secret_arn" {
  description = "Secret with the Redis auth token and rediss:// URL (the chart's redis.existingSecret)."
  value       = module.cache.auth_secret_arn
}

output "docs_bucket" {
  description = "The bucket for TechDocs sites and runbooks."
  value       = module.docs.bucket_name
}

output "portal_role_arn" {
  description = "The IAM role the portal's service account assumes."
  value       = aws_iam_role.portal.arn
}

output "certificate_arn" {
  description = "ACM certificate for a TLS-terminating load balancer."
  value       = module.dns.certificate_arn
}

output "dns_records_policy_json" {
  description = "IAM policy for cert-manager DNS-01 and external-dns."
  value       = module.dns.dns_records_policy_json
}

# The environment's part of the portal chart's values, in the chart's own
# shape: terragrunt output -json portal_helm_values > platform-values.json,
# then helm upgrade ... -f profiles/<env>.yaml -f platform-values.json.
output "portal_helm_values" {
  description = "Values for infra/helm/portal that come from this platform."
  value = {
    baseUrl = "https://${var.hostname}"
    externalDatabase = {
      host = module.database.host
      port = module.database.port
    }
    serviceAccount = {
      annotations = {
        "eks.amazonaws.com/role-arn" = aws_iam_role.portal.arn
      }
    }
    ingress = {
      host = var.hostname
    }
    networkPolicy = {
      privateCidrs = [var.vpc_cidr]
    }
  }
}
