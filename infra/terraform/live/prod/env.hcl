# The prod account and region; every unit under live/prod reads this.
locals {
  environment    = "prod"
  aws_account_id = "333333333333"
  aws_region     = "eu-west-1"
}
