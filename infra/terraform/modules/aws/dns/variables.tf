variable "zone_name" {
  description = "The DNS zone, e.g. gogidix.dev or dev.gogidix.dev."
  type        = string
}

variable "create_zone" {
  description = "Create the hosted zone (true) or use an existing one of that name."
  type        = bool
  default     = false
}

variable "hostname" {
  description = "The portal's host name in the zone, e.g. portal.gogidix.dev."
  type        = string
}
