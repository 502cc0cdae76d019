terraform {
  source = "git::https://github.com/example/platform.git//modules/db"
}

inputs = {
  environment    = "prod"
  admin_password = "s3cr3t-in-git"
}
