resource "aws_route53_zone" "this" {
  count = var.create_zone ? 1 : 0
  name  = var.zone_name
  tags  = local.tags
}

data "aws_route53_zone" "existing" {
  count = var.create_zone ? 0 : 1
  name  = var.zone_name
}

locals {
  zone_id = var.create_zone ? aws_route53_zone.this[0].zone_id : data.aws_route53_zone.existing[0].zone_id
}

# For a load balancer that terminates TLS in front of the ingress controller;
# inside the cluster cert-manager issues the ingress's own certificate.
resource "aws_acm_certificate" "this" {
  domain_name       = var.hostname
  validation_method = "DNS"
  key_algorithm     = "EC_prime256v1"
  tags              = local.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = {
    for option in aws_acm_certificate.this.domain_validation_options : option.domain_name => option
  }
  zone_id         = local.zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for record in aws_route53_record.validation : record.fqdn]
}

# What cert-manager's DNS-01 solver and external-dns need in this zone.
data "aws_iam_policy_document" "dns_records" {
  statement {
    actions   = ["route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets"]
    resources = ["arn:aws:route53:::hostedzone/${local.zone_id}"]
  }

  statement {
    actions   = ["route53:GetChange", "route53:ListHostedZonesByName", "route53:ListHostedZones"]
    resources = ["*"]
  }
}
