variable "purpose" {
  description = "What the bucket holds, part of its name (e.g. uploads, techdocs)."
  type        = string
  default     = "data"

  validation {
    condition     = can(regex("^[a-z0-9-]{1,20}$", var.purpose))
    error_message = "purpose must be short, lower-case letters, digits and dashes."
  }
}

variable "noncurrent_version_days" {
  description = "Days to keep overwritten or deleted object versions (the undo window)."
  type        = number
  default     = 90
}
