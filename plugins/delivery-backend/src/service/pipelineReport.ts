import { InputError } from '@backstage/errors';
import { DeploymentEvent } from '@gogidix/plugin-delivery-common';

/** A deploy the generated CI pipelines report (`POST /deployments`). */
export interface PipelineDeploymentReport {
  entityRef: string;
  runId: string;
  environment: string;
  status: DeploymentEvent['status'];
  sha: string;
  startedAt: string;
  finishedAt?: string | null;
  commits?: Array<{ sha: string; committedAt: string }>;
  rollbackOf?: string | null;
}

const REPORT_FIELDS: string[] = [
  'entityRef',
  'runId',
  'environment',
  'status',
  'sha',
  'startedAt',
  'finishedAt',
  'commits',
  'rollbackOf',
] satisfies Array<keyof PipelineDeploymentReport>;

/**
 * The deployment event a pipeline's report stands for, checked field by
 * field: every error names the field and the fix. `components` are the
 * refs of the catalog's components.
 */
export function pipelineDeploymentEvent(
  report: PipelineDeploymentReport,
  components: string[],
): DeploymentEvent {
  const unknown = Object.keys(report).find(key => !REPORT_FIELDS.includes(key));
  if (unknown !== undefined) {
    throw new InputError(
      `${unknown}: not a field of a deployment report; the fields are ${REPORT_FIELDS.join(
        ', ',
      )}`,
    );
  }
  if (!components.includes(report.entityRef)) {
    throw new InputError(
      `entityRef: ${report.entityRef} is not a component in the catalog; use the full ref of a registered component, e.g. component:default/payments-api`,
    );
  }
  const time = (field: string, value: string) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      throw new InputError(
        `${field}: "${value}" is not an ISO 8601 date-time, e.g. 2026-12-07T10:00:00Z`,
      );
    }
    return new Date(ms).toISOString();
  };
  const startedAt = time('startedAt', report.startedAt);
  const finishedAt =
    report.finishedAt === undefined || report.finishedAt === null
      ? null
      : time('finishedAt', report.finishedAt);
  if (finishedAt !== null && finishedAt < startedAt) {
    throw new InputError('finishedAt: must not be before startedAt');
  }
  if (report.status !== 'in_progress' && finishedAt === null) {
    throw new InputError(
      `finishedAt: a deployment with status ${report.status} needs the time it finished`,
    );
  }
  const event: DeploymentEvent = {
    id: `pipeline:${report.entityRef}:${report.runId}`,
    source: 'pipeline',
    entityRef: report.entityRef,
    environment: report.environment,
    status: report.status,
    sha: report.sha,
    startedAt,
    finishedAt,
    commits: (report.commits ?? []).map((c, i) => ({
      sha: c.sha,
      committedAt: time(`commits[${i}].committedAt`, c.committedAt),
    })),
    rollbackOf: report.rollbackOf ?? null,
  };
  return event;
}
