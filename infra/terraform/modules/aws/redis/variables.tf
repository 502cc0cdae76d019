variable "vpc_id" {
  description = "The VPC."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in two or more zones."
  type        = list(string)
}

variable "allowed_cidr_blocks" {
  description = "Who may connect on 6379 (the cluster's subnets). Never 0.0.0.0/0."
  type        = list(string)

  validation {
    condition     = !contains(var.allowed_cidr_blocks, "0.0.0.0/0")
    error_message = "Redis must not be reachable from the internet."
  }
}

variable "node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.t4g.small"
}

variable "replicas" {
  description = "Nodes in the group; 2 or more gives automatic failover across zones."
  type        = number
  default     = 2
}

variable "snapshot_retention_days" {
  description = "Daily snapshots kept (the portal uses Redis as a cache, so a few days suffice)."
  type        = number
  default     = 3
}
