output "queue_url" {
  description = "The queue's URL, which SDKs send to and receive from."
  value       = aws_sqs_queue.this.id
}

output "queue_arn" {
  description = "The queue's ARN."
  value       = aws_sqs_queue.this.arn
}

output "queue_name" {
  description = "The queue's name."
  value       = aws_sqs_queue.this.name
}

output "dead_letter_queue_url" {
  description = "The dead-letter queue's URL."
  value       = aws_sqs_queue.dead_letter.id
}

output "dead_letter_queue_arn" {
  description = "The dead-letter queue's ARN (alert on its depth)."
  value       = aws_sqs_queue.dead_letter.arn
}

output "send_policy_json" {
  description = "IAM policy for producers."
  value       = data.aws_iam_policy_document.send.json
}

output "consume_policy_json" {
  description = "IAM policy for consumers."
  value       = data.aws_iam_policy_document.consume.json
}
