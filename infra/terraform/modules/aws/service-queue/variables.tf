variable "queue_name" {
  description = "The queue's name after the environment and service (e.g. listing-events)."
  type        = string
  default     = "events"
}

variable "visibility_timeout_seconds" {
  description = "How long a received message stays hidden; longer than the consumer's processing time."
  type        = number
  default     = 60
}

variable "message_retention_seconds" {
  description = "How long unconsumed messages are kept (4 days by default)."
  type        = number
  default     = 345600
}

variable "max_receive_count" {
  description = "Deliveries before a message moves to the dead-letter queue."
  type        = number
  default     = 5
}
