import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  AUDIT_OUTCOMES,
  AUDIT_SEVERITIES,
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
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { AuditStore } from '../database/AuditStore';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: AuditStore;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
/** The most events one export holds; narrow the filters for more. */
export const MAX_EXPORT = 50_000;

const TEXT_FILTERS = ['plugin', 'eventId', 'actor', 'target'] as const;

function text(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > 512) {
    throw new InputError(
      `${name} must be one text value of at most 512 characters`,
    );
  }
  return raw.trim() || undefined;
}

function oneOf<T extends string>(
  req: Request,
  name: string,
  values: T[],
): T | undefined {
  const raw = text(req, name);
  if (raw === undefined) return undefined;
  if (!values.includes(raw as T)) {
    throw new InputError(`${name} must be one of ${values.join(', ')}`);
  }
  return raw as T;
}

function time(req: Request, name: string): string | undefined {
  const raw = text(req, name);
  if (raw === undefined) return undefined;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`${name} must be an ISO 8601 time, got "${raw}"`);
  }
  return date.toISOString();
}

function whole(
  req: Request,
  name: string,
  fallback: number,
  [min, max]: [number, number],
): number {
  const raw = text(req, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `${name} must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/** The filters shared by the list and the exports. */
export function parseAuditQuery(req: Request): AuditEventQuery {
  const query: AuditEventQuery = {};
  for (const name of TEXT_FILTERS) {
    const value = text(req, name);
    if (value) query[name] = value;
  }
  const outcome = oneOf<AuditOutcome>(req, 'outcome', AUDIT_OUTCOMES);
  const severity = oneOf<AuditSeverity>(req, 'severity', AUDIT_SEVERITIES);
  const from = time(req, 'from');
  const to = time(req, 'to');
  return {
    ...query,
    ...(outcome ? { outcome } : {}),
    ...(severity ? { severity } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
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

/** The audit trail's HTTP API; the contract is src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, store } = options;
  const router = Router();

  async function authorize(req: Request) {
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

  async function exported(req: Request) {
    const query = parseAuditQuery(req);
    const page = await store.list(query, { offset: 0, limit: MAX_EXPORT });
    return page.items;
  }

  router.get('/events', async (req, res) => {
    await authorize(req);
    const query = parseAuditQuery(req);
    const offset = whole(req, 'offset', 0, [0, 1_000_000]);
    const limit = whole(req, 'limit', DEFAULT_LIMIT, [1, MAX_LIMIT]);
    res.json(await store.list(query, { offset, limit }));
  });

  router.get('/export.json', async (req, res) => {
    await authorize(req);
    const items = await exported(req);
    res.setHeader('content-disposition', attachmentDisposition('audit.json'));
    res.json({ items });
  });

  router.get('/export.csv', async (req, res) => {
    await authorize(req);
    const items = await exported(req);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', attachmentDisposition('audit.csv'));
    res.send(exportCsv(CSV_COLUMNS, items.map(csvRow)));
  });

  return router;
}
