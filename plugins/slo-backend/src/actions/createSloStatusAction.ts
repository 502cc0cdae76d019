import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  EntitySloStatus,
  isMeasured,
  Measured,
  percentText,
  sloEntityReadPermission,
} from '@gogidix/plugin-slo-common';
import { auditedAction, authorizeOrThrow } from '@gogidix/portal-node';
import { parseAsOf } from '../service/asOf';
import { SloService } from '../service/SloService';

const measured = (value: Measured | undefined) =>
  value !== undefined && isMeasured(value) ? value : null;

const percent = (value: number) => `${Math.round(value * 10000) / 100}%`;

/**
 * `slo:get-slo-status`: a service's SLOs, each with its SLI, error budget
 * and alert state, now or as of a past moment; the same permission and
 * computation as GET /entities/:kind/:namespace/:name/status.
 */
export function createSloStatusAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  permissions: PermissionsService;
  service: SloService;
  now?: () => Date;
}) {
  const { actionsRegistry, auditor, permissions, service } = deps;
  const now = deps.now ?? (() => new Date());
  actionsRegistry.register({
    name: 'get-slo-status',
    title: 'SLO status and error budget',
    description:
      "Returns a service's SLOs with, for each, the objective, the measured SLI, the share of the error budget left in the compliance period (negative once overspent), the burn-rate alert state and the runbook link, now or as of a past moment (`at`). Status is healthy, at-risk, exhausted or missing (no data; never read as good).",
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
          at: z
            .string()
            .optional()
            .describe(
              'An RFC 3339 date-time in the past such as 2026-12-01T10:00:00Z; now when left out',
            ),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          entityRef: z.string(),
          at: z.string(),
          freshness: z.enum(['live', 'stored']),
          sliSource: z.enum(['prometheus', 'demo', 'none']),
          notice: z.string().optional(),
          slos: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              target: z.number(),
              status: z.enum(['healthy', 'at-risk', 'exhausted', 'missing']),
              sli: z.number().nullable(),
              budgetRemaining: z.number().nullable(),
              alert: z.enum(['page', 'ticket', 'ok', 'missing', 'none']),
              runbook: z.string(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Error budget of the listings service now',
        input: { service: 'listings-service' },
      },
      {
        title: 'What the budget was before an incident',
        input: { service: 'listings-service', at: '2026-12-01T10:00:00Z' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = serviceRef(input.service);
      const entityRef = stringifyEntityRef(ref);
      return auditedAction(
        auditor,
        {
          action: 'get-slo-status',
          credentials,
          target: entityRef,
          ...(input.at ? { meta: { at: input.at } } : {}),
        },
        async () => {
          await authorizeOrThrow(
            permissions,
            credentials,
            { permission: sloEntityReadPermission, resourceRef: entityRef },
            `Not allowed to read the SLOs of ${entityRef}`,
          );
          const status = await service.entityStatus(
            ref,
            parseAsOf(input.at, now()),
          );
          return { output: sloStatusAnswer(status) };
        },
      );
    },
  });
}

function serviceRef(service: string) {
  try {
    return parseEntityRef(service.trim(), {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `service: ${
        (error as Error).message
      }; give a name such as listings-service`,
    );
  }
}

/** The status page's figures without its series, and a line per SLO. */
export function sloStatusAnswer(status: EntitySloStatus) {
  const slos = status.slos.map(({ slo, evaluation, links }) => ({
    id: slo.id,
    name: slo.displayName,
    target: slo.target,
    status: evaluation?.status ?? ('missing' as const),
    sli: measured(evaluation?.sli),
    budgetRemaining: measured(evaluation?.budget.remaining),
    alert: evaluation?.alert.state ?? ('none' as const),
    runbook: links.runbook,
  }));
  const lines = slos.map(
    s =>
      `${s.name}: ${s.status}, objective ${percentText(s.target)}%, SLI ${
        s.sli === null ? 'missing' : percent(s.sli)
      }, budget left ${
        s.budgetRemaining === null ? 'unknown' : percent(s.budgetRemaining)
      }, alert ${s.alert}.`,
  );
  const head = `${status.entityRef} at ${status.at} (${status.freshness}, SLIs from ${status.sliSource}): ${slos.length} SLO(s).`;
  return {
    summary: [head, ...lines, ...(status.notice ? [status.notice] : [])].join(
      '\n',
    ),
    entityRef: status.entityRef,
    at: status.at,
    freshness: status.freshness,
    sliSource: status.sliSource,
    ...(status.notice ? { notice: status.notice } : {}),
    slos,
  };
}
