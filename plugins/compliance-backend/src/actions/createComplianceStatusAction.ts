import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  complianceEntityReadPermission,
  EntityCompliance,
} from '@gogidix/plugin-compliance-common';
import { auditedAction, authorizeOrThrow } from '@gogidix/portal-node';
import { ComplianceStore } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { entityReport } from '../service/entityReport';

/** Statuses that leave a check unmet and say what to do about it. */
const UNMET = new Set(['fail', 'error']);

/**
 * `compliance:get-compliance`: a service's scorecard level, the checks it
 * fails and how to fix each; the same permission and figures as the
 * entity's compliance page.
 */
export function createComplianceStatusAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  permissions: PermissionsService;
  store: ComplianceStore;
  ruleSet: RuleSet;
  now?: () => Date;
}) {
  const { actionsRegistry, auditor, permissions, store, ruleSet } = deps;
  const now = deps.now ?? (() => new Date());
  actionsRegistry.register({
    name: 'get-compliance',
    title: 'Compliance level and failing checks',
    description:
      "Returns a service's compliance scorecard level (gold, silver, bronze or none) as of the latest round with today's waivers, every check that fails or could not be evaluated with the reason and how to fix it, and the counts of passing, pending and waived checks.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z
            .string()
            .min(1)
            .describe(
              'The service name (listings-service) or entity ref (component:default/listings-service)',
            ),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          entityRef: z.string(),
          team: z.string(),
          level: z.enum(['gold', 'silver', 'bronze', 'none']),
          evaluatedAt: z.string().nullable(),
          failing: z.array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              level: z.string(),
              status: z.enum(['fail', 'error']),
              reason: z.string().optional(),
              howToFix: z.string(),
            }),
          ),
          counts: z.object({
            pass: z.number(),
            pending: z.number(),
            waived: z.number(),
            failing: z.number(),
          }),
        }),
    },
    examples: [
      {
        title: 'What keeps the listings service from gold',
        input: { service: 'listings-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      const entityRef = componentRef(input.service);
      return auditedAction(
        auditor,
        { action: 'get-compliance', credentials, target: entityRef },
        async () => {
          await authorizeOrThrow(
            permissions,
            credentials,
            {
              permission: complianceEntityReadPermission,
              resourceRef: entityRef,
            },
            `You may not read the compliance of ${entityRef}`,
          );
          const report = await entityReport(store, ruleSet, entityRef, now());
          return { output: complianceAnswer(report) };
        },
      );
    },
  });
}

function componentRef(service: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(service.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch (error) {
    throw new InputError(
      `service: ${
        (error as Error).message
      }; give a name such as listings-service`,
    );
  }
}

/** The scorecard without its evidence, and a line per failing check. */
export function complianceAnswer(report: EntityCompliance) {
  const failing = report.checks
    .filter(c => UNMET.has(c.status))
    .map(c => ({
      checkId: c.checkId,
      title: c.title,
      level: c.level,
      status: c.status as 'fail' | 'error',
      ...(c.reason ? { reason: c.reason } : {}),
      howToFix: c.howToFix,
    }));
  const count = (status: string) =>
    report.checks.filter(c => c.status === status).length;
  const counts = {
    pass: count('pass'),
    pending: count('pending'),
    waived: count('waived'),
    failing: failing.length,
  };
  const lines = failing.map(
    c =>
      `- ${c.title} (${c.level}, ${c.status}${
        c.reason ? `: ${c.reason}` : ''
      }). Fix: ${c.howToFix}`,
  );
  return {
    summary: [
      `${report.entityRef} (${report.team}) is at level ${report.level}: ${counts.pass} checks pass, ${counts.failing} fail, ${counts.pending} pending, ${counts.waived} waived.`,
      ...lines,
    ].join('\n'),
    entityRef: report.entityRef,
    team: report.team,
    level: report.level,
    evaluatedAt: report.evaluatedAt,
    failing,
    counts,
  };
}
