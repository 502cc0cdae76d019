output "host" {
  description = "The database's DNS name (the portal chart's externalDatabase.host)."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "The database's port (externalDatabase.port)."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "The database created with the instance."
  value       = aws_db_instance.this.db_name
}

output "master_username" {
  description = "The master user's name."
  value       = aws_db_instance.this.username
}

output "master_user_secret_arn" {
  description = "The Secrets Manager secret (keys username, password) RDS keeps the master credentials in."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "instance_id" {
  description = "The RDS instance identifier, for restores (aws rds restore-db-instance-to-point-in-time)."
  value       = aws_db_instance.this.identifier
}

output "security_group_id" {
  description = "The database's security group."
  value       = aws_security_group.this.id
}

output "kms_key_arn" {
  description = "The key that encrypts the data, backups and master secret."
  value       = aws_kms_key.this.arn
}
