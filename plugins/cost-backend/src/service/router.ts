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
  entityRequest,
} from '@gogidix/portal-node';
import express from 'express';
import { CostStore } from '../database/CostStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { CostExportRow, CostService } from './CostService';
import { discardRequestBody, importFocusCsv } from './focusImport';
import { TeamAccess } from './teamAccess';

// How much of a refused upload is read and dropped, in import limits.
const DISCARD_LIMIT = 4;

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

/** `days` when the query leaves it out. */
const DEFAULT_DAYS = 30;

/**
 * Uploads are streamed into the database, and a refused one is still
 * audited, so the import route reads its own body and `source`: the OpenAPI
 * validator, which would refuse other media types before the audit event,
 * leaves `/imports` alone.
 */
const ignorePaths = (path: string) => /\/imports$/.test(path);

const noBodyParser: express.RequestHandler = (_req, _res, next) => next();

const COST_EXPORT_COLUMNS: Array<keyof CostExportRow> = [
  'date',
  'team',
  'system',
  'service',
  'entityRef',
  'serviceCategory',
  'cost',
];

/** A request as httpAuth reads it, whatever its typed query. */
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** The team asked for; the spec has refused an empty or repeated one. */
const teamParam = (req: AnyRequest): string | undefined =>
  typeof req.query.team === 'string' ? req.query.team.trim() : undefined;

/** The cost plugin's HTTP API; the contract is src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auditor, httpAuth, permissions, logger, store, service } = options;
  const { maxImportBytes } = options;
  const router = await createOpenApiRouter({
    // In place of the default JSON parser: an import is streamed into the
    // database, no route takes JSON.
    middleware: [noBodyParser],
    validatorOptions: { ignorePaths },
  });

  const teamAccess = new TeamAccess(permissions, service);

  async function authorize(req: AnyRequest, permission: BasicPermission) {
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
  async function visibleTeams(req: AnyRequest) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return teamAccess.visibleTeams(credentials, teamParam(req));
  }

  router.post('/imports', async (req, res) => {
    await authorize(req, costImportCreatePermission);
    const named: unknown = req.query.source ?? 'upload';
    if (typeof named !== 'string' || !named.trim()) {
      throw new InputError('source must be a non-empty string');
    }
    const source = named.trim();
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
        focusVersion: req.query.focusVersion,
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
      await auditorEvent.fail({ error: error as Error });
      // What is left of a refused upload is read and dropped before the
      // answer, so that the client, still sending, gets it (see
      // discardRequestBody). Dropping costs bandwidth, not parsing or
      // storage; a body that goes on past four times the limit is answered
      // with the connection closed.
      if (!(await discardRequestBody(req, DISCARD_LIMIT * maxImportBytes))) {
        res.set('Connection', 'close');
      }
      throw error;
    }
  });

  router.get('/imports', async (req, res) => {
    await authorize(req, costImportReadPermission);
    res.json({ items: await store.listImports() });
  });

  router.get('/invoice', async (req, res) => {
    // The whole estate's bill: for those who may read what was imported.
    await authorize(req, costImportReadPermission);
    res.json(
      await service.invoice({
        basis: req.query.basis ?? 'billing-period',
        months: req.query.months ?? 3,
      }),
    );
  });

  router.get('/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const { entityRef } = await entityRequest(
      { httpAuth, permissions },
      req,
      costEntityReadPermission,
      ref => `Not allowed to read the cost of ${ref}`,
    );
    res.json(
      await service.entityCost(entityRef, req.query.days ?? DEFAULT_DAYS),
    );
  });

  router.get('/overview', async (req, res) => {
    const visible = await visibleTeams(req);
    res.json(
      await service.overview({
        days: req.query.days ?? DEFAULT_DAYS,
        team: teamParam(req),
        visible,
      }),
    );
  });

  router.get('/savings', async (req, res) => {
    const visible = await visibleTeams(req);
    res.json(await service.savings({ team: teamParam(req), visible }));
  });

  router.get('/export.csv', async (req, res) => {
    const visible = await visibleTeams(req);
    const days = req.query.days ?? DEFAULT_DAYS;
    const team = teamParam(req);
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
