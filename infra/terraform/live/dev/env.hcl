# The dev account and region; every unit under live/dev reads this.
locals {
  environment    = "dev"
  aws_account_id = "111111111111"
  aws_region     = "eu-west-1"
}
