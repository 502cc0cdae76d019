import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  costEntityReadPermission,
  costImportCreatePermission,
  costImportReadPermission,
} from '@gogidix/plugin-cost-common';
import {
  attachmentDisposition,
  authorizeOrThrow,
  exportCsv,
} from '@gogidix/portal-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { CostStore } from '../database/CostStore';
import { CostExportRow, CostService } from './CostService';
import { importFocusCsv } from './focusImport';
import { TeamAccess } from './teamAccess';

export interface RouterOptions {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  store: CostStore;
  service: CostService;
  /** The largest import, received and decompressed. */
  maxImportBytes: number;
}

const MAX_DAYS = 366;

function daysParam(req: Request, fallback: number): number {
  const raw = req.query.days;
  if (raw === undefined) {
    return fallback;
  }
  const days = Number(raw);
  if (
    typeof raw !== 'string' ||
    !Number.isInteger(days) ||
    days < 1 ||
    days > MAX_DAYS
  ) {
    throw new InputError(`days must be a whole number from 1 to ${MAX_DAYS}`);
  }
  return days;
}

function optionalString(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined) {
    return undefined;
  }
  if (typeof raw !== 'string' || !raw.trim()) {
    throw new InputError(`${name} must be a non-empty string`);
  }
  return raw.trim();
}

const COST_EXPORT_COLUMNS: Array<keyof CostExportRow> = [
  'date',
  'team',
  'system',
  'service',
  'entityRef',
  'serviceCategory',
  'cost',
];

/** The cost plugin's HTTP API; the contract is src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auditor, httpAuth, permissions, logger, store, service } = options;
  const { maxImportBytes } = options;
  const router = Router();

  const teamAccess = new TeamAccess(permissions, service);

  async function authorize(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission },
      `Not allowed to ${permission.attributes.action} cost imports`,
    );
  }

  /** The teams the caller may see, after checking the one asked for. */
  async function visibleTeams(req: Request) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return teamAccess.visibleTeams(credentials, optionalString(req, 'team'));
  }

  router.post('/imports', async (req, res) => {
    await authorize(req, costImportCreatePermission);
    const source = optionalString(req, 'source') ?? 'upload';
    // Recorded in the audit trail whatever the outcome, rejected files too.
    const auditorEvent = await auditor.createEvent({
      eventId: 'cost-import',
      severityLevel: 'medium',
      request: req,
      meta: { target: source },
    });
    try {
      const type = req.headers['content-type']?.split(';')[0].trim();
      const gzip =
        type === 'application/gzip' ||
        req.headers['content-encoding'] === 'gzip';
      if (!gzip && type !== 'text/csv') {
        throw new InputError(
          'Send a FOCUS export as text/csv or application/gzip',
        );
      }
      const result = await importFocusCsv(store, req, {
        gzip,
        maxBytes: maxImportBytes,
        source,
      });
      logger.info(`Imported ${result.rows} FOCUS rows from ${source}`);
      await auditorEvent.success({
        meta: {
          rows: result.rows,
          periods: result.periods.map(
            p => `${p.billingAccountId} ${p.billingPeriodStart}`,
          ),
        },
      });
      res.status(201).json(result);
    } catch (error) {
      // What is left of a refused upload is read and dropped, so that the
      // client, still sending, gets the answer.
      req.resume();
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/imports', async (req, res) => {
    await authorize(req, costImportReadPermission);
    res.json({ items: await store.listImports() });
  });

  router.get('/entity-cost', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = optionalString(req, 'entityRef');
    if (!entityRef) {
      throw new InputError('entityRef is required');
    }
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: costEntityReadPermission, resourceRef: entityRef },
      `Not allowed to read the cost of ${entityRef}`,
    );
    res.json(await service.entityCost(entityRef, daysParam(req, 30)));
  });

  router.get('/overview', async (req, res) => {
    const visible = await visibleTeams(req);
    res.json(
      await service.overview({
        days: daysParam(req, 30),
        team: optionalString(req, 'team'),
        visible,
      }),
    );
  });

  router.get('/savings', async (req, res) => {
    const visible = await visibleTeams(req);
    res.json(
      await service.savings({ team: optionalString(req, 'team'), visible }),
    );
  });

  router.get('/export.csv', async (req, res) => {
    const visible = await visibleTeams(req);
    const days = daysParam(req, 30);
    const team = optionalString(req, 'team');
    const rows = await service.exportRows({ days, team, visible });
    res
      .type('text/csv')
      .set(
        'content-disposition',
        attachmentDisposition(`cost-${team ?? 'all'}-${days}d.csv`),
      )
      .send(exportCsv(COST_EXPORT_COLUMNS, rows));
  });

  return router;
}
