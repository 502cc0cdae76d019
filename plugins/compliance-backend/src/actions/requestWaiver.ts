import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { runWriteAction, WriteActionGuard } from '@gogidix/portal-node';
import { WaiverRequests } from '../service/WaiverRequests';

/** The id assistants see: the plugin's id and the action's name. */
export const REQUEST_WAIVER_ACTION = 'compliance:request-waiver';

function entityRefOf(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `entityRef: "${value}" is not an entity ref; give one as component:default/payments-service`,
    );
  }
}

/**
 * `request-waiver`: waives one failing check of a component, as the
 * waivers route does for the person (managers for their teams, platform
 * admins anywhere), after a dry run that checks everything the route does
 * and returns the confirmation the run needs.
 */
export function registerRequestWaiverAction(options: {
  actionsRegistry: ActionsRegistryService;
  waivers: WaiverRequests;
  guard: WriteActionGuard;
}) {
  const { actionsRegistry, waivers, guard } = options;
  actionsRegistry.register({
    name: 'request-waiver',
    title: 'Request a compliance waiver',
    description: [
      'Waives one compliance check of a component until a date, with the reason and the person who approved it, as the Waive button does.',
      'Allowed to managers for their teams and to platform admins.',
      'Call it first with dryRun: true: it checks everything and returns a confirmation token (valid 10 minutes, once).',
      'Then call it with the same input, dryRun: false and confirm set to that token to create the waiver.',
    ].join(' '),
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .describe('The component, as component:default/payments-service'),
          checkId: z
            .string()
            .min(1)
            .describe('The failing check, as its id in the scorecard'),
          reason: z
            .string()
            .min(10)
            .max(2000)
            .describe('Why the check may fail until expiresAt'),
          approver: z
            .string()
            .regex(/^user:[^/]+\/.+$/)
            .describe(
              'The user who approved the exception, as user:default/sofia.rossi',
            ),
          expiresAt: z
            .string()
            .datetime({ offset: true })
            .describe('When the waiver ends (at most 365 days away)'),
          dryRun: z
            .boolean()
            .describe('true to check and get a confirmation; false to create'),
          confirm: z
            .string()
            .optional()
            .describe('The confirmation token of the dry run, for the run'),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          dryRun: z.boolean(),
          waiver: z.object({
            id: z.string().optional(),
            entityRef: z.string(),
            checkId: z.string(),
            reason: z.string(),
            approver: z.string(),
            createdBy: z.string(),
            expiresAt: z.string(),
          }),
          confirmation: z
            .object({ token: z.string(), expiresAt: z.string() })
            .optional(),
        }),
    },
    examples: [
      {
        title: 'Dry run of a waiver of the SLO check',
        input: {
          entityRef: 'component:default/payments-service',
          checkId: 'slo-defined',
          reason: 'SLOs are being agreed with the product owner this sprint',
          approver: 'user:default/sofia.rossi',
          expiresAt: '2027-01-31T00:00:00Z',
          dryRun: true,
        },
      },
    ],
    async action({ input, credentials }) {
      const { dryRun, confirm, ...rest } = input;
      const request = { ...rest, entityRef: entityRefOf(rest.entityRef) };
      const answer = await runWriteAction({
        guard,
        credentials,
        action: REQUEST_WAIVER_ACTION,
        target: request.entityRef,
        input: request,
        dryRun,
        confirm,
        // As the waivers route's audit event.
        severityLevel: 'medium',
        meta: { checkId: request.checkId },
        preview: () => waivers.check(credentials, request),
        run: async () => {
          const waiver = await waivers.create(credentials, request);
          return {
            result: waiver,
            meta: { waiverId: waiver.id, approver: waiver.approver },
          };
        },
      });
      const { id, active, createdAt, ...fields } = answer.dryRun
        ? answer.preview
        : answer.result;
      if (answer.dryRun) {
        return {
          output: {
            summary: `Would waive ${fields.checkId} of ${fields.entityRef} until ${fields.expiresAt}, approved by ${fields.approver}. To create it, call again with dryRun: false and confirm: "${answer.confirmation.token}" (valid until ${answer.confirmation.expiresAt}).`,
            dryRun: true,
            waiver: fields,
            confirmation: answer.confirmation,
          },
        };
      }
      return {
        output: {
          summary: `Waived ${fields.checkId} of ${fields.entityRef} until ${fields.expiresAt} (waiver ${id}).`,
          dryRun: false,
          waiver: { id, ...fields },
        },
      };
    },
  });
}
