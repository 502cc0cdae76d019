import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  NotConfigured,
  oncallRespondersReadPermission,
  ServiceOnCall,
} from '@gogidix/plugin-oncall-common';
import { auditedAction } from '@gogidix/portal-node';
import { EntityAccess } from '../service/entityAccess';
import { PagerDutyClient } from '../service/PagerDutyClient';
import { serviceOnCall } from '../service/serviceOnCall';
import { SERVICE_INPUT, serviceRef } from './serviceRef';

/**
 * `oncall:who-is-on-call`: who is on call for a service now and next, and
 * its open incidents; the same permission (the team, its managers, on-call
 * and the teams that depend on it) and claim check as the PagerDuty card.
 */
export function createWhoIsOnCallAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  access: EntityAccess;
  pagerDuty?: PagerDutyClient;
}) {
  const { actionsRegistry, auditor, access, pagerDuty } = deps;
  actionsRegistry.register({
    name: 'who-is-on-call',
    title: 'Who is on call for a service',
    description:
      "Returns who is on call for a service now (and who is next) from its PagerDuty service and escalation policy, with the service's open incidents. Says which setting is missing when PagerDuty is not configured for it.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({ service: z.string().min(1).describe(SERVICE_INPUT) }),
      output: z =>
        z.object({
          summary: z.string(),
          entityRef: z.string(),
          configured: z.boolean(),
          missingSetting: z.string().optional(),
          onCall: z.array(
            z.object({
              user: z.string(),
              until: z.string().nullable(),
              schedule: z.string().optional(),
            }),
          ),
          next: z
            .object({ user: z.string(), from: z.string().nullable() })
            .optional(),
          escalationPolicy: z.string().optional(),
          openIncidents: z.array(
            z.object({ title: z.string(), status: z.string() }),
          ),
        }),
    },
    examples: [
      {
        title: 'Whom to call about the listings service',
        input: { service: 'listings-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = serviceRef(input.service);
      const entityRef = stringifyEntityRef(ref);
      return auditedAction(
        auditor,
        { action: 'who-is-on-call', credentials, target: entityRef },
        async () => {
          const entity = await access.entityForCaller(
            credentials,
            ref,
            oncallRespondersReadPermission,
          );
          const answer = await serviceOnCall(access, pagerDuty, entity);
          return { output: onCallAnswer(entityRef, answer) };
        },
      );
    },
  });
}

export function onCallAnswer(
  entityRef: string,
  answer: ServiceOnCall | NotConfigured,
) {
  if (answer.status === 'not-configured') {
    return {
      summary: `Who is on call for ${entityRef} is not known: set ${answer.configKey}.`,
      entityRef,
      configured: false,
      missingSetting: answer.configKey,
      onCall: [],
      openIncidents: [],
    };
  }
  const onCall = answer.now.map(s => ({
    user: s.user,
    until: s.end,
    ...(s.schedule ? { schedule: s.schedule } : {}),
  }));
  const next = answer.next && {
    user: answer.next.user,
    from: answer.next.start,
  };
  const openIncidents = answer.incidents.map(i => ({
    title: i.title,
    status: i.status,
  }));
  const who = onCall.length
    ? onCall
        .map(s => `${s.user}${s.until ? ` until ${s.until}` : ''}`)
        .join(', ')
    : 'nobody';
  return {
    summary: [
      `On call for ${entityRef} (${answer.service.name}, policy ${answer.escalationPolicy.name}): ${who}.`,
      ...(next
        ? [`Next: ${next.user}${next.from ? ` from ${next.from}` : ''}.`]
        : []),
      `${openIncidents.length} open incident(s)${
        openIncidents.length
          ? `: ${openIncidents.map(i => `${i.title} (${i.status})`).join('; ')}`
          : ''
      }.`,
    ].join('\n'),
    entityRef,
    configured: true,
    onCall,
    ...(next ? { next } : {}),
    escalationPolicy: answer.escalationPolicy.name,
    openIncidents,
  };
}
