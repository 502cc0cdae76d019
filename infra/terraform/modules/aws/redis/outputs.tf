output "host" {
  description = "The primary endpoint's DNS name."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  description = "The port."
  value       = aws_elasticache_replication_group.this.port
}

output "auth_secret_arn" {
  description = "Secrets Manager secret with keys auth_token and url (rediss://...), for the portal chart's redis Secret."
  value       = aws_secretsmanager_secret.auth.arn
}

output "security_group_id" {
  description = "The Redis security group."
  value       = aws_security_group.this.id
}
