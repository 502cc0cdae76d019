# Shared Terragrunt settings for ${{ values.name }}'s cloud resources: state in
# the platform's encrypted S3 bucket, one state file per environment and
# resource. Run from terraform/<resource>/ with TG_ENVIRONMENT=dev|staging|prod.
locals {
  environment = get_env("TG_ENVIRONMENT", "dev")
  tags = {
    service       = "${{ values.name }}"
    team          = "${{ values.team }}"
    environment   = local.environment
    "cost-center" = "${{ values.team }}"
    "managed-by"  = "terragrunt"
  }
}

remote_state {
  backend = "s3"
  config = {
    bucket         = "gogidix-terraform-state-${local.environment}"
    key            = "services/${{ values.name }}/${path_relative_to_include()}/terraform.tfstate"
    region         = "eu-west-1"
    encrypt        = true
    dynamodb_table = "gogidix-terraform-locks"
  }
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
}

inputs = {
  service_name = "${{ values.name }}"
  team         = "${{ values.team }}"
  environment  = local.environment
  tags         = local.tags
}
