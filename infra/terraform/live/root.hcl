# Shared by every Terragrunt unit under live/: remote state in S3 (encrypted,
# locked), the AWS provider for the environment's account and region.
locals {
  env         = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  environment = local.env.locals.environment
  region      = local.env.locals.aws_region
  account_id  = local.env.locals.aws_account_id
}

remote_state {
  backend = "s3"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket         = "gogidix-terraform-state-${local.account_id}"
    key            = "portal/${path_relative_to_include()}/terraform.tfstate"
    region         = local.region
    encrypt        = true
    dynamodb_table = "gogidix-terraform-locks"
  }
}

generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<-EOF
    provider "aws" {
      region              = "${local.region}"
      allowed_account_ids = ["${local.account_id}"]
    }
  EOF
}

inputs = {
  environment  = local.environment
  service_name = "gogidix-portal"
  team         = "platform"
  tags = {
    "cost-center" = "platform"
    "managed-by"  = "terragrunt"
  }
}
