# The inputs every Gogidix module takes, and the tags they give every
# resource: ownership and cost reports group by these four keys.
variable "service_name" {
  description = "The service (catalog component name) this belongs to, e.g. listings-service."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}[a-z0-9]$", var.service_name))
    error_message = "service_name must be a lower-case catalog name (letters, digits, dashes)."
  }
}

variable "team" {
  description = "The owning team (catalog group), e.g. listings."
  type        = string
}

variable "environment" {
  description = "dev, staging or prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "tags" {
  description = "Extra tags. cost-center defaults to the team; set it here to charge another."
  type        = map(string)
  default     = {}
}

locals {
  tags = merge({ "cost-center" = var.team }, var.tags, {
    team        = var.team
    service     = var.service_name
    environment = var.environment
  })
}
