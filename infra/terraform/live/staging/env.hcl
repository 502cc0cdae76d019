# The staging account and region; every unit under live/staging reads this.
locals {
  environment    = "staging"
  aws_account_id = "222222222222"
  aws_region     = "eu-west-1"
}
