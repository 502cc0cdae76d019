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
}
{% endif %}
