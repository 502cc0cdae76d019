{% if values.vault.enabled %}# Vault policy ${{ values.vault.policy }}, bound to the Kubernetes auth role
# ${{ values.vault.role }}: ${{ values.name }} may read its own secrets and nothing else.
path "kv/data/${{ values.vault.path }}" {
  capabilities = ["read"]
}

path "kv/metadata/${{ values.vault.path }}" {
  capabilities = ["read", "list"]
}
{% endif %}
