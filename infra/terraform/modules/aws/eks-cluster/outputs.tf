output "cluster_name" {
  description = "The EKS cluster's name (aws eks update-kubeconfig --name ...)."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "The API server's URL."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_ca_certificate" {
  description = "The API server's CA, base64."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "cluster_security_group_id" {
  description = "The security group EKS created for the control plane and nodes."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "oidc_provider_arn" {
  description = "For IAM roles that service accounts assume (IRSA)."
  value       = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer" {
  description = "The cluster's OIDC issuer URL without https://, for IRSA trust conditions."
  value       = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")
}

output "gpu_node_selector" {
  description = "Node selector and toleration of the GPU pool (the portal chart's gpu profile uses them)."
  value = {
    node_selector = { "gogidix.io/node-pool" = "gpu" }
    toleration    = { key = "nvidia.com/gpu", operator = "Exists", effect = "NoSchedule" }
  }
}
