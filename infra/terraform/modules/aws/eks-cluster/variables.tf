variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
  default     = "1.31"
}

variable "vpc_id" {
  description = "The VPC."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the control plane's interfaces and the nodes."
  type        = list(string)
}

variable "public_access_cidrs" {
  description = "CIDRs allowed to the public API endpoint; empty keeps the endpoint private (reach it through the VPN)."
  type        = list(string)
  default     = []

  validation {
    condition     = !contains(var.public_access_cidrs, "0.0.0.0/0")
    error_message = "The Kubernetes API must not be open to the internet."
  }
}

variable "general_instance_types" {
  description = "Instance types of the general node pool."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "general_size" {
  description = "min, desired and max nodes of the general pool."
  type        = object({ min = number, desired = number, max = number })
  default     = { min = 2, desired = 3, max = 6 }
}

variable "gpu_instance_types" {
  description = "Instance types of the GPU node pool (NVIDIA)."
  type        = list(string)
  default     = ["g5.xlarge"]
}

variable "gpu_size" {
  description = "min, desired and max nodes of the GPU pool; min 0 lets it scale to nothing."
  type        = object({ min = number, desired = number, max = number })
  default     = { min = 0, desired = 1, max = 4 }
}
