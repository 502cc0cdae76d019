{% if values.infrastructure.queue %}# queue for ${{ values.name }}, from the platform's module (pinned release).
include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}

terraform {
  source = "git::https://git.gogidix.dev/platform/gogidix-portal.git//infra/terraform/modules/aws/service-queue?ref=${{ values.platformModulesRef }}"
}

inputs = {
  max_receive_count = 5
}
{% endif %}
