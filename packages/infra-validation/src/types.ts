/**
 * One thing wrong with an infrastructure file, said so that a person can find
 * it and fix it without reading the validator.
 */
export interface ValidationProblem {
  /** The file the problem is in (for rendered Kubernetes objects, the chart template). */
  file: string;
  /** The object at fault, e.g. `Deployment/listings` or `aws_db_instance.portal`. */
  object?: string;
  /** The path of the field at fault, e.g. `spec.template.spec.containers[0].resources`. */
  field?: string;
  /** The id of the rule that failed, e.g. `database-encryption`. */
  rule?: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** One Kubernetes object as `helm template` rendered it. */
export interface RenderedManifest {
  /** The template it came from, as in helm's `# Source:` comment. */
  source: string;
  object: Record<string, unknown>;
}
