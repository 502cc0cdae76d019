import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuditorServiceEventSeverityLevel,
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AUDIT_SEVERITIES,
  AuditOutcome,
  AuditSeverity,
} from '@gogidix/plugin-audit-common';
import { LogLevel, readAuditConfig } from '../config';
import { JsonObject } from '@backstage/types';
import { randomUUID } from 'node:crypto';
import { AuditEventQueue, auditEventQueueServiceRef } from './AuditEventQueue';
import { personOf, scaffoldedEntityRef } from './eventSubjects';
import { redactText, redactUrl, storableMeta, targetOf } from './redaction';

/** The event DefaultAuditorService hands to its log function. */
type AuditorEvent = Parameters<
  Parameters<typeof DefaultAuditorService.create>[0]
>[0];

function outcomeOf(status: AuditorEvent['status']): AuditOutcome {
  if (status === 'succeeded' || status === 'failed') return status;
  return 'initiated';
}

/**
 * Logs auditor events as Backstage's default auditor does, and publishes
 * each action to the audit store: one record when it starts, completed
 * under the same id when the plugin reports success or failure.
 */
export class PersistingAuditorService implements AuditorService {
  constructor(
    private readonly options: {
      queue: AuditEventQueue;
      logger: LoggerService;
      levels: Record<AuditorServiceEventSeverityLevel, LogLevel>;
      /** Events less severe than this are logged but not stored. */
      storeSeverity?: AuditSeverity;
      deps: Parameters<typeof DefaultAuditorService.create>[1];
      now?: () => Date;
    },
  ) {}

  async createEvent(options: AuditorServiceCreateEventOptions) {
    const { queue, deps } = this.options;
    const now = this.options.now ?? (() => new Date());
    const id = randomUUID();
    const time = now().toISOString();
    // One DefaultAuditorService per action, so that its log calls carry
    // this action's id; it resolves the actor as Backstage does.
    const stored =
      AUDIT_SEVERITIES.indexOf(options.severityLevel ?? 'low') >=
      AUDIT_SEVERITIES.indexOf(this.options.storeSeverity ?? 'low');
    const auditor = DefaultAuditorService.create(event => {
      this.log(event);
      if (!stored) return;
      const outcome = outcomeOf(event.status);
      const meta = storableMeta(event.meta as JsonObject | undefined);
      const actor = personOf(event.actor.actorId, meta);
      queue.publish({
        id,
        time,
        ...(outcome === 'initiated'
          ? {}
          : { completedAt: now().toISOString() }),
        plugin: event.plugin,
        eventId: event.eventId,
        severity: event.severityLevel,
        outcome,
        ...(actor ? { actor } : {}),
        ...(targetOf(meta) ? { target: targetOf(meta) } : {}),
        ...('error' in event && event.error
          ? { error: redactText(String(event.error.message ?? event.error)) }
          : {}),
        ...(event.request
          ? {
              request: {
                method: event.request.method,
                url: redactUrl(event.request.url),
              },
            }
          : {}),
        ...(meta ? { meta } : {}),
      });
    }, deps);
    const entityRef = scaffoldedEntityRef(deps.plugin.getId(), options);
    return auditor.createEvent(
      entityRef
        ? { ...options, meta: { ...options.meta, entityRef } }
        : options,
    );
  }

  // The same log lines as Backstage's auditorServiceFactory.
  private log(event: AuditorEvent) {
    const { logger, levels } = this.options;
    const level = levels[event.severityLevel];
    const message = `${event.plugin}.${event.eventId}`;
    if ('error' in event) {
      const { error, ...rest } = event;
      logger.child(rest as JsonObject)[level](message, error);
    } else {
      logger[level](message, event as JsonObject);
    }
  }
}

/**
 * Replaces `coreServices.auditor`: every plugin's audit events are logged as
 * before and also stored by the audit plugin, without the request waiting
 * for the database.
 */
export const auditorServiceFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    config: coreServices.rootConfig,
    logger: coreServices.logger,
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    plugin: coreServices.pluginMetadata,
    queue: auditEventQueueServiceRef,
  },
  // Read once for the whole backend, not once per plugin.
  createRootContext({ config }) {
    return readAuditConfig(config);
  },
  factory({ logger, auth, httpAuth, plugin, queue }, settings) {
    return new PersistingAuditorService({
      queue,
      logger: logger.child({ isAuditEvent: true }),
      levels: settings.severityLogLevels,
      storeSeverity: settings.storeSeverity,
      deps: { auth, httpAuth, plugin },
    });
  },
});
