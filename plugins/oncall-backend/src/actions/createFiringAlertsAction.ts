import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { FiringAlerts, NotConfigured } from '@gogidix/plugin-oncall-common';
import { auditedAction } from '@gogidix/portal-node';
import { EntityAccess } from '../service/entityAccess';
import { EntityAlerts } from '../service/entityAlerts';
import { SERVICE_INPUT, serviceRef } from './serviceRef';

/** A runbook URL's last segment without `.md`: the runbook's name. */
const runbookName = (url?: string) =>
  url?.split(/[?#]/)[0].split('/').pop()?.replace(/\.md$/, '') || undefined;

/**
 * `oncall:get-firing-alerts`: the alerts firing for a service, each with
 * the runbook to follow; the same permission and selector rules as the
 * service's on-call tab.
 */
export function createFiringAlertsAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  access: EntityAccess;
  alerts: EntityAlerts;
}) {
  const { actionsRegistry, auditor, access, alerts } = deps;
  actionsRegistry.register({
    name: 'get-firing-alerts',
    title: 'Firing alerts of a service',
    description:
      'Returns the Alertmanager alerts firing now for a service (selected by its gogidix.io/alert-selector annotation), each with severity, summary, start time and the name of its runbook; read the runbook with get-runbook. Says which setting is missing when alerts are not configured.',
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
          alerts: z.array(
            z.object({
              name: z.string(),
              severity: z.string(),
              summary: z.string(),
              startsAt: z.string(),
              runbook: z.string().optional(),
              runbookUrl: z.string().optional(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'Is anything firing for the listings service?',
        input: { service: 'listings-service' },
      },
    ],
    action: async ({ input, credentials }) => {
      const ref = serviceRef(input.service);
      const entityRef = stringifyEntityRef(ref);
      return auditedAction(
        auditor,
        { action: 'get-firing-alerts', credentials, target: entityRef },
        async () => {
          const entity = await access.entityForCaller(credentials, ref);
          const answer = await alerts.ofEntity(entity);
          return { output: firingAlertsAnswer(entityRef, answer) };
        },
      );
    },
  });
}

export function firingAlertsAnswer(
  entityRef: string,
  answer: FiringAlerts | NotConfigured,
) {
  if (answer.status === 'not-configured') {
    return {
      summary: `Alerts of ${entityRef} are not available: set ${answer.configKey}.`,
      entityRef,
      configured: false,
      missingSetting: answer.configKey,
      alerts: [],
    };
  }
  const alerts = answer.alerts.map(a => ({
    name: a.name,
    severity: a.severity,
    summary: a.summary,
    startsAt: a.startsAt,
    ...(runbookName(a.runbookUrl)
      ? { runbook: runbookName(a.runbookUrl) }
      : {}),
    ...(a.runbookUrl ? { runbookUrl: a.runbookUrl } : {}),
  }));
  const lines = alerts.map(
    a =>
      `- ${a.name} (${a.severity}) since ${a.startsAt}: ${a.summary}${
        a.runbook ? ` Runbook: ${a.runbook}.` : ''
      }`,
  );
  return {
    summary: [
      alerts.length
        ? `${alerts.length} alert(s) firing for ${entityRef}:`
        : `Nothing is firing for ${entityRef}.`,
      ...lines,
    ].join('\n'),
    entityRef,
    configured: true,
    alerts,
  };
}
