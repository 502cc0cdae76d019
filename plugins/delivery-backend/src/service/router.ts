import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  deliveryDeploymentCreatePermission,
  deliveryEntityReadPermission,
} from '@gogidix/plugin-delivery-common';
import {
  attachmentDisposition,
  authorizeOrThrow,
  entityRequest,
  exportCsv,
} from '@gogidix/portal-node';
import express from 'express';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { DeliveryExportRow, DeliveryService } from './DeliveryService';
import { TeamAccess } from './teamAccess';

export interface RouterOptions {
  auditor: AuditorService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: DeliveryService;
}

/** `days` when the query leaves it out. */
const DEFAULT_DAYS = 30;

const EXPORT_COLUMNS: Array<keyof DeliveryExportRow> = [
  'date',
  'team',
  'entityRef',
  'deployments',
  'failedDeployments',
  'incidents',
];

/** A request as httpAuth reads it, whatever its typed query. */
type AnyRequest = Parameters<HttpAuthService['credentials']>[0];

/** The team asked for; the spec has refused an empty one. */
const teamParam = (req: AnyRequest): string | undefined =>
  typeof req.query.team === 'string' ? req.query.team.trim() : undefined;

/** The delivery plugin's HTTP API; the contract is src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { auditor, httpAuth, permissions, service } = options;
  const router = await createOpenApiRouter();
  const teamAccess = new TeamAccess(permissions, service);

  /** The teams to show, after checking the one asked for. */
  async function teamScope(req: AnyRequest) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return {
      credentials,
      ...(await teamAccess.scope(credentials, teamParam(req))),
    };
  }

  router.get('/entities/:kind/:namespace/:name/delivery', async (req, res) => {
    const { entityRef } = await entityRequest(
      { httpAuth, permissions },
      req,
      deliveryEntityReadPermission,
      ref => `Not allowed to read the delivery of ${ref}`,
    );
    res.json(
      await service.entityDelivery(entityRef, req.query.days ?? DEFAULT_DAYS),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/deployments',
    async (req, res) => {
      const { entityRef } = await entityRequest(
        { httpAuth, permissions },
        req,
        deliveryEntityReadPermission,
        ref => `Not allowed to read the deployments of ${ref}`,
      );
      res.json({
        entityRef,
        deployments: await service.deployments(
          entityRef,
          req.query.from,
          req.query.to,
        ),
      });
    },
  );

  router.get('/teams', async (req, res) => {
    const { shown } = await teamScope(req);
    res.json({ items: await service.teamList(shown) });
  });

  router.get('/overview', async (req, res) => {
    const { shown, credentials } = await teamScope(req);
    res.json(
      await service.overview({
        days: req.query.days ?? DEFAULT_DAYS,
        shown,
        credentials,
      }),
    );
  });

  router.get('/export.csv', async (req, res) => {
    const { shown } = await teamScope(req);
    const days = req.query.days ?? DEFAULT_DAYS;
    const rows = await service.exportRows({ days, shown });
    const team = teamParam(req);
    res
      .type('text/csv')
      .set(
        'content-disposition',
        attachmentDisposition(`delivery-${team ?? 'all'}-${days}d.csv`),
      )
      .send(exportCsv(EXPORT_COLUMNS, rows));
  });

  router.post('/deployments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const report = req.body;
    await authorizeOrThrow(
      permissions,
      credentials,
      {
        permission: deliveryDeploymentCreatePermission,
        resourceRef: report.entityRef,
      },
      `Not allowed to report deployments of ${report.entityRef}`,
    );
    const auditorEvent = await auditor.createEvent({
      eventId: 'delivery-deployment-report',
      severityLevel: 'low',
      request: req,
      meta: { target: report.entityRef, runId: report.runId },
    });
    try {
      const event = await service.reportDeployment(report);
      await auditorEvent.success();
      res.status(201).json(event);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  return router;
}
