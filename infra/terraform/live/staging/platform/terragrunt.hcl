include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "${get_repo_root()}/infra/terraform//modules/aws/platform"
}

# staging: shaped like prod (Multi-AZ, deletion protection) with fewer nodes.
inputs = {
  vpc_cidr    = "10.15.0.0/16"
  zone_name   = "staging.gogidix.dev"
  create_zone = true
  hostname    = "portal.staging.gogidix.dev"
  database = {
    instance_class        = "db.t4g.medium"
    multi_az              = true
    backup_retention_days = 7
    deletion_protection   = true
  }
  cluster = {
    kubernetes_version  = "1.31"
    public_access_cidrs = []
    general_size        = { min = 2, desired = 2, max = 4 }
    gpu_size            = { min = 0, desired = 0, max = 2 }
    gpu_instance_types  = ["g5.xlarge"]
  }
}
