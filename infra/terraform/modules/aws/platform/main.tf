data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  name = "${var.environment}-${var.service_name}"
  azs  = slice(data.aws_availability_zones.available.names, 0, 3)
}

# The community VPC module: subnets, routes and NAT are the same everywhere,
# and this one is maintained against every AWS provider release.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.13.0"

  name             = local.name
  cidr             = var.vpc_cidr
  azs              = local.azs
  private_subnets  = [for i, _ in local.azs : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets   = [for i, _ in local.azs : cidrsubnet(var.vpc_cidr, 8, 48 + i)]
  database_subnets = [for i, _ in local.azs : cidrsubnet(var.vpc_cidr, 8, 64 + i)]

  enable_nat_gateway   = true
  single_nat_gateway   = var.single_nat_gateway
  enable_dns_hostnames = true

  create_database_subnet_group = false

  public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }
  private_subnet_tags = { "kubernetes.io/role/internal-elb" = "1" }

  tags = local.tags
}

module "cluster" {
  source = "../eks-cluster"

  service_name        = var.service_name
  team                = var.team
  environment         = var.environment
  tags                = var.tags
  vpc_id              = module.vpc.vpc_id
  subnet_ids          = module.vpc.private_subnets
  kubernetes_version  = var.cluster.kubernetes_version
  public_access_cidrs = var.cluster.public_access_cidrs
  general_size        = var.cluster.general_size
  gpu_size            = var.cluster.gpu_size
  gpu_instance_types  = var.cluster.gpu_instance_types
}

module "database" {
  source = "../service-postgres"

  service_name          = var.service_name
  team                  = var.team
  environment           = var.environment
  tags                  = var.tags
  vpc_id                = module.vpc.vpc_id
  subnet_ids            = module.vpc.database_subnets
  allowed_cidr_blocks   = module.vpc.private_subnets_cidr_blocks
  database_name         = "backstage"
  master_username       = "backstage"
  instance_class        = var.database.instance_class
  multi_az              = var.database.multi_az
  backup_retention_days = var.database.backup_retention_days
  deletion_protection   = var.database.deletion_protection
}

module "cache" {
  source = "../redis"

  service_name        = var.service_name
  team                = var.team
  environment         = var.environment
  tags                = var.tags
  vpc_id              = module.vpc.vpc_id
  subnet_ids          = module.vpc.private_subnets
  allowed_cidr_blocks = module.vpc.private_subnets_cidr_blocks
}

# TechDocs sites and runbooks the portal publishes and serves.
module "docs" {
  source = "../service-bucket"

  service_name = var.service_name
  team         = var.team
  environment  = var.environment
  tags         = var.tags
  purpose      = "docs"
}

module "dns" {
  source = "../dns"

  service_name = var.service_name
  team         = var.team
  environment  = var.environment
  tags         = var.tags
  zone_name    = var.zone_name
  create_zone  = var.create_zone
  hostname     = var.hostname
}

# The portal's pods assume this role through their service account (IRSA).
data "aws_iam_policy_document" "portal_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [module.cluster.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${module.cluster.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.portal_namespace}:${var.portal_service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${module.cluster.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "portal" {
  name               = "${local.name}-portal"
  assume_role_policy = data.aws_iam_policy_document.portal_assume.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "portal_docs" {
  name   = "docs-bucket"
  role   = aws_iam_role.portal.id
  policy = module.docs.read_write_policy_json
}
