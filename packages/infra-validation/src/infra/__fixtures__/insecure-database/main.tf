# Everything a reviewer should refuse, in one plausible-looking module.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

resource "aws_db_instance" "orders" {
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  username                = "admin"
  password                = "correct-horse-battery-staple"
  publicly_accessible     = true
  backup_retention_period = 0
  skip_final_snapshot     = true
  tags                    = { team = "orders" }
}

resource "aws_security_group" "orders_db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { team = "orders", service = "orders", environment = "prod", "cost-center" = "orders" }
}

resource "aws_s3_bucket" "exports" {
  bucket = "orders-exports"
  tags   = { team = "orders", service = "orders", environment = "prod", "cost-center" = "orders" }
}

resource "aws_sqs_queue" "events" {
  name = "orders-events"
  tags = { team = "orders", service = "orders", environment = "prod", "cost-center" = "orders" }
}

module "network" {
  source = "git::https://github.com/example/network.git?ref=main"
}
