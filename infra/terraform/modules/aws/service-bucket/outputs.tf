output "bucket_name" {
  description = "The bucket's name."
  value       = aws_s3_bucket.this.bucket
}

output "bucket_arn" {
  description = "The bucket's ARN."
  value       = aws_s3_bucket.this.arn
}

output "bucket_region" {
  description = "The region the bucket is in."
  value       = aws_s3_bucket.this.region
}

output "kms_key_arn" {
  description = "The key that encrypts the objects."
  value       = aws_kms_key.this.arn
}

output "read_write_policy_json" {
  description = "IAM policy granting list, read, write and delete (attach to the service's role)."
  value       = data.aws_iam_policy_document.read_write.json
}

output "read_only_policy_json" {
  description = "IAM policy granting list and read."
  value       = data.aws_iam_policy_document.read_only.json
}
