import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { oncallRunbookReadPermission } from '@gogidix/plugin-oncall-common';
import { auditedAction } from '@gogidix/portal-node';
import { EntityAccess } from '../service/entityAccess';
import { RunbookReader } from '../service/RunbookReader';
import { SERVICE_INPUT, serviceRef } from './serviceRef';

/**
 * `oncall:get-runbook`: one runbook of a service as markdown, or the list
 * of its runbooks; the same permission and folder rules as the service's
 * runbook tab (runbooks are read only from beside its catalog file).
 */
export function createRunbookAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  access: EntityAccess;
  runbooks: RunbookReader;
}) {
  const { actionsRegistry, auditor, access, runbooks } = deps;
  actionsRegistry.register({
    name: 'get-runbook',
    title: 'Runbook of a service',
    description:
      "Returns one runbook of a service as markdown (by its name, such as high-error-rate, the name get-firing-alerts gives for an alert), or the list of the service's runbooks when no name is given.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          service: z.string().min(1).describe(SERVICE_INPUT),
          runbook: z
            .string()
            .min(1)
            .optional()
            .describe(
              'The runbook name, e.g. high-error-rate; leave out to list them',
            ),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          entityRef: z.string(),
          runbooks: z.array(z.object({ name: z.string(), title: z.string() })),
          runbook: z
            .object({
              name: z.string(),
              title: z.string(),
              markdown: z.string(),
              source: z.string(),
            })
            .optional(),
        }),
    },
    examples: [
      {
        title: 'How to handle the listings high error rate alert',
        input: { service: 'listings-service', runbook: 'high-error-rate' },
      },
      {
        title: 'Which runbooks the listings service has',
        input: { service: 'listings-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = serviceRef(input.service);
      const entityRef = stringifyEntityRef(ref);
      return auditedAction(
        auditor,
        {
          action: 'get-runbook',
          credentials,
          target: entityRef,
          ...(input.runbook ? { meta: { runbook: input.runbook } } : {}),
        },
        async () => {
          const entity = await access.entityForCaller(
            credentials,
            ref,
            oncallRunbookReadPermission,
          );
          if (input.runbook) {
            const runbook = await runbooks.get(entity, input.runbook);
            return {
              output: {
                summary: `${runbook.title} (${runbook.source}):\n\n${runbook.markdown}`,
                entityRef,
                runbooks: [{ name: runbook.name, title: runbook.title }],
                runbook,
              },
            };
          }
          const list = await runbooks.list(entity);
          return {
            output: {
              summary: list.length
                ? `Runbooks of ${entityRef}: ${list
                    .map(r => `${r.name} (${r.title})`)
                    .join(', ')}.`
                : `${entityRef} has no runbooks; expected in ${runbooks.expectedLocation(
                    entity,
                  )}.`,
              entityRef,
              runbooks: list,
            },
          };
        },
      );
    },
  });
}
