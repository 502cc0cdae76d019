{% if values.infrastructure.postgres %}# postgres for ${{ values.name }}, from the platform's module (pinned release).
include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}

terraform {
  source = "git::https://git.gogidix.dev/platform/gogidix-portal.git//infra/terraform/modules/aws/service-postgres?ref=${{ values.platformModulesRef }}"
}

inputs = {
  database_name = "${{ values.name | replace("-", "_") }}"
  # The platform's network, exported by its Terragrunt outputs to the
  # environment of whoever applies this (see infra/terraform/README.md).
  vpc_id              = get_env("PLATFORM_VPC_ID")
  subnet_ids          = split(",", get_env("PLATFORM_DATABASE_SUBNET_IDS"))
  allowed_cidr_blocks = [get_env("PLATFORM_CLUSTER_CIDR")]
}
{% endif %}
