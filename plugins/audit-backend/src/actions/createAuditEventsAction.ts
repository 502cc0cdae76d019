import {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  AuditEvent,
  auditEventReadPermission,
  AuditEventQuery,
} from '@gogidix/plugin-audit-common';
import { auditedAction, authorizeOrThrow } from '@gogidix/portal-node';
import { AuditStore } from '../database/AuditStore';

/** Events an answer holds when the input does not say. */
const DEFAULT_LIMIT = 20;

/**
 * `audit:list-audit-events`: the newest events of the audit trail that
 * match the filters, for platform admins (the same permission as the
 * audit page).
 */
export function createAuditEventsAction(deps: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  permissions: PermissionsService;
  store: AuditStore;
}) {
  const { actionsRegistry, auditor, permissions, store } = deps;
  actionsRegistry.register({
    name: 'list-audit-events',
    title: 'Audit events',
    description:
      'Platform admins only. Lists the newest events of the portal audit trail (who did what, on what, when, and whether it succeeded), filtered by actor, plugin, event, target, outcome and time. Text filters match part of the value, case-insensitively.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          actor: z
            .string()
            .optional()
            .describe('Part of the actor, e.g. jane or user:default/jane.doe'),
          plugin: z
            .string()
            .optional()
            .describe('e.g. catalog, scaffolder, slo'),
          eventId: z
            .string()
            .optional()
            .describe('e.g. task, action, cost-import'),
          target: z
            .string()
            .optional()
            .describe('Part of the target, e.g. listings-service'),
          outcome: z.enum(['initiated', 'succeeded', 'failed']).optional(),
          from: z
            .string()
            .datetime({ offset: true })
            .optional()
            .describe('Events at or after this RFC 3339 date-time'),
          to: z
            .string()
            .datetime({ offset: true })
            .optional()
            .describe('Events before this RFC 3339 date-time'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('1 to 100 (default 20)'),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          totalCount: z.number(),
          events: z.array(
            z.object({
              time: z.string(),
              actor: z.string().optional(),
              plugin: z.string(),
              eventId: z.string(),
              target: z.string().optional(),
              outcome: z.string(),
              error: z.string().optional(),
            }),
          ),
        }),
    },
    examples: [
      {
        title: 'What jane.doe did through assistants today',
        input: {
          actor: 'jane.doe',
          eventId: 'action',
          from: '2026-12-07T00:00:00Z',
        },
      },
      {
        title: 'Failed scaffolder runs',
        input: { plugin: 'scaffolder', outcome: 'failed' },
      },
    ],
    action: async ({ input, credentials }) => {
      const { limit = DEFAULT_LIMIT, ...filters } = input;
      const query: AuditEventQuery = {};
      for (const name of ['actor', 'plugin', 'eventId', 'target'] as const) {
        const value = filters[name]?.trim();
        if (value) query[name] = value;
      }
      if (filters.outcome) query.outcome = filters.outcome;
      if (filters.from) query.from = new Date(filters.from).toISOString();
      if (filters.to) query.to = new Date(filters.to).toISOString();
      return auditedAction(
        auditor,
        {
          action: 'list-audit-events',
          credentials,
          target: 'audit:trail',
          meta: { query: { ...query } },
        },
        async () => {
          await authorizeOrThrow(
            permissions,
            credentials,
            { permission: auditEventReadPermission },
            'Not allowed to read the audit trail',
          );
          const page = await store.list(query, { offset: 0, limit });
          return { output: auditAnswer(page.items, page.totalCount) };
        },
      );
    },
  });
}

/** The events without request and meta, and one line each. */
export function auditAnswer(items: AuditEvent[], totalCount: number) {
  const events = items.map(e => ({
    time: e.time,
    ...(e.actor ? { actor: e.actor } : {}),
    plugin: e.plugin,
    eventId: e.eventId,
    ...(e.target ? { target: e.target } : {}),
    outcome: e.outcome,
    ...(e.error ? { error: e.error } : {}),
  }));
  const lines = events.map(
    e =>
      `${e.time} ${e.actor ?? 'unknown actor'} ${e.plugin}.${e.eventId} ${
        e.target ?? ''
      } ${e.outcome}${e.error ? `: ${e.error}` : ''}`,
  );
  return {
    summary: [
      `${events.length} of ${totalCount} matching events, newest first.`,
      ...lines,
    ].join('\n'),
    totalCount,
    events,
  };
}
