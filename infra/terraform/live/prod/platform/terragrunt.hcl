include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "${get_repo_root()}/infra/terraform//modules/aws/platform"
}

# prod: Multi-AZ everything, 35 days of point-in-time recovery.
inputs = {
  vpc_cidr    = "10.20.0.0/16"
  zone_name   = "gogidix.dev"
  create_zone = false
  hostname    = "portal.gogidix.dev"
  database = {
    instance_class        = "db.r6g.large"
    multi_az              = true
    backup_retention_days = 35
    deletion_protection   = true
  }
  cluster = {
    kubernetes_version  = "1.31"
    public_access_cidrs = []
    general_size        = { min = 3, desired = 3, max = 9 }
    gpu_size            = { min = 1, desired = 1, max = 4 }
    gpu_instance_types  = ["g5.xlarge", "g5.2xlarge"]
  }
}
