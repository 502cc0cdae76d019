include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "${get_repo_root()}/infra/terraform//modules/aws/platform"
}

# dev: one NAT gateway, a single-zone database, a small GPU pool that
# scales to nothing.
inputs = {
  vpc_cidr           = "10.10.0.0/16"
  zone_name          = "dev.gogidix.dev"
  create_zone        = true
  hostname           = "portal.dev.gogidix.dev"
  single_nat_gateway = true
  database = {
    instance_class        = "db.t4g.medium"
    multi_az              = false
    backup_retention_days = 7
    deletion_protection   = false
  }
  cluster = {
    kubernetes_version  = "1.31"
    public_access_cidrs = []
    general_size        = { min = 2, desired = 2, max = 4 }
    gpu_size            = { min = 0, desired = 0, max = 1 }
    gpu_instance_types  = ["g5.xlarge"]
  }
}
