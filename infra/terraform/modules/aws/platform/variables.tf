variable "vpc_cidr" {
  description = "The VPC's address range; /16 leaves room for three zones of each subnet kind."
  type        = string
  default     = "10.0.0.0/16"
}

variable "zone_name" {
  description = "The DNS zone the portal's host name lives in."
  type        = string
}

variable "create_zone" {
  description = "Create the zone here (true) or use an existing one."
  type        = bool
  default     = false
}

variable "hostname" {
  description = "The portal's host name, e.g. portal.gogidix.dev."
  type        = string
}

variable "portal_namespace" {
  description = "The Kubernetes namespace the portal chart is installed in."
  type        = string
  default     = "platform"
}

variable "portal_service_account" {
  description = "The portal's service account (the chart's fullname)."
  type        = string
  default     = "gogidix-portal"
}

variable "single_nat_gateway" {
  description = "One NAT gateway instead of one per zone (cheaper; dev only)."
  type        = bool
  default     = false
}

variable "database" {
  description = "Size and safety of the portal's PostgreSQL."
  type = object({
    instance_class        = string
    multi_az              = bool
    backup_retention_days = number
    deletion_protection   = bool
  })
  default = {
    instance_class        = "db.t4g.large"
    multi_az              = true
    backup_retention_days = 14
    deletion_protection   = true
  }
}

variable "cluster" {
  description = "Node pools and API access of the cluster."
  type = object({
    kubernetes_version  = string
    public_access_cidrs = list(string)
    general_size        = object({ min = number, desired = number, max = number })
    gpu_size            = object({ min = number, desired = number, max = number })
    gpu_instance_types  = list(string)
  })
  default = {
    kubernetes_version  = "1.31"
    public_access_cidrs = []
    general_size        = { min = 2, desired = 3, max = 6 }
    gpu_size            = { min = 0, desired = 1, max = 4 }
    gpu_instance_types  = ["g5.xlarge"]
  }
}
