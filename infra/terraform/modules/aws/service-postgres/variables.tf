variable "vpc_id" {
  description = "The VPC the database lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private (database) subnets, in at least two availability zones."
  type        = list(string)
}

variable "allowed_cidr_blocks" {
  description = "Who may connect on 5432: the VPC or the cluster's subnets. Never 0.0.0.0/0."
  type        = list(string)

  validation {
    condition     = !contains(var.allowed_cidr_blocks, "0.0.0.0/0")
    error_message = "The database must not be reachable from the internet."
  }
}

variable "database_name" {
  description = "The database created with the instance (Backstage creates one more per plugin)."
  type        = string
  default     = "app"
}

variable "master_username" {
  description = "The master user; its password is generated and kept in AWS Secrets Manager by RDS."
  type        = string
  default     = "app_admin"
}

variable "engine_version" {
  description = "PostgreSQL version."
  type        = string
  default     = "15.8"
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 20
}

variable "max_allocated_storage" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 200
}

variable "multi_az" {
  description = "A standby in a second availability zone (on in prod)."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days of automated backups, which is also the point-in-time recovery window."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Keep between 7 and 35 days of backups."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance (turn off only to decommission)."
  type        = bool
  default     = true
}
