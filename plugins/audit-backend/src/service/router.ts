import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuditEvent,
  auditEventReadPermission,
  AuditEventQuery,
  AuditOutcome,
  AuditSeverity,
} from '@gogidix/plugin-audit-common';
import {
  attachmentDisposition,
  authorizeOrThrow,
  exportCsv,
} from '@gogidix/portal-node';
import express from 'express';
import { AuditStore } from '../database/AuditStore';
import { createOpenApiRouter } from '../schema/openapi.generated';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: AuditStore;
}

/** The most events one export holds; narrow the filters for more. */
export const MAX_EXPORT = 50_000;

/**
 * The filters shared by the list and the exports, as the generated router
 * has validated them (one value each, in range, times ISO 8601).
 */
type AuditQueryParams = {
  [K in keyof AuditEventQuery]?: string;
};

const TEXT_FILTERS = ['plugin', 'eventId', 'actor', 'target'] as const;

/** The filters shared by the list and the exports; blank ones are left out. */
function auditQuery(params: AuditQueryParams): AuditEventQuery {
  const query: AuditEventQuery = {};
  for (const name of TEXT_FILTERS) {
    const value = params[name]?.trim();
    if (value) query[name] = value;
  }
  if (params.outcome) query.outcome = params.outcome as AuditOutcome;
  if (params.severity) query.severity = params.severity as AuditSeverity;
  if (params.from) query.from = new Date(params.from).toISOString();
  if (params.to) query.to = new Date(params.to).toISOString();
  return query;
}

export const CSV_COLUMNS = [
  'time',
  'completedAt',
  'actor',
  'plugin',
  'eventId',
  'target',
  'outcome',
  'severity',
  'error',
  'method',
  'url',
  'meta',
] as const;

function csvRow(event: AuditEvent) {
  return [
    event.time,
    event.completedAt ?? '',
    event.actor ?? '',
    event.plugin,
    event.eventId,
    event.target ?? '',
    event.outcome,
    event.severity,
    event.error ?? '',
    event.request?.method ?? '',
    event.request?.url ?? '',
    event.meta ? JSON.stringify(event.meta) : '',
  ];
}

/** `limit` when the query leaves it out. */
const DEFAULT_LIMIT = 50;

/** In place of the default JSON parser: no route takes a body. */
const noBodyParser: express.RequestHandler = (_req, _res, next) => next();

/** The audit trail's HTTP API; the contract is src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, store } = options;
  const router = await createOpenApiRouter({ middleware: [noBodyParser] });

  async function authorize(req: Parameters<HttpAuthService['credentials']>[0]) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: auditEventReadPermission },
      'Not allowed to read the audit trail',
    );
  }

  async function exported(params: AuditQueryParams) {
    const query = auditQuery(params);
    const page = await store.list(query, { offset: 0, limit: MAX_EXPORT });
    return page.items;
  }

  router.get('/events', async (req, res) => {
    await authorize(req);
    const { offset = 0, limit = DEFAULT_LIMIT, ...params } = req.query;
    res.json({ ...(await store.list(auditQuery(params), { offset, limit })) });
  });

  router.get('/export.json', async (req, res) => {
    await authorize(req);
    const items = await exported(req.query);
    res.setHeader('content-disposition', attachmentDisposition('audit.json'));
    res.json({ items });
  });

  router.get('/export.csv', async (req, res) => {
    await authorize(req);
    const items = await exported(req.query);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', attachmentDisposition('audit.csv'));
    res.send(exportCsv(CSV_COLUMNS, items.map(csvRow)));
  });

  return router;
}
