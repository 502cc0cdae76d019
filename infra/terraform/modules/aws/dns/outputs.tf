output "zone_id" {
  description = "The hosted zone's id."
  value       = local.zone_id
}

output "certificate_arn" {
  description = "The validated ACM certificate for the host name."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

output "hostname" {
  description = "The portal's host name (the chart's ingress.host)."
  value       = var.hostname
}

output "dns_records_policy_json" {
  description = "IAM policy for cert-manager (DNS-01) and external-dns in this zone."
  value       = data.aws_iam_policy_document.dns_records.json
}
