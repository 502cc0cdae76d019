import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  attachmentDisposition,
  authorizeOrThrow,
  exportCsv,
  entityRequest,
} from '@gogidix/portal-node';
import {
  generateSlothRules,
  parseOpenSloDocuments,
  sloEntityReadPermission,
  sloRulesCreatePermission,
} from '@gogidix/plugin-slo-common';
import express from 'express';
import { SloStore } from '../database/SloStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { parseAsOf } from './asOf';
import { DeployGate } from './DeployGate';
import { addDeployGateRoutes } from './deployGateRoutes';
import { SloLinks } from './links';
import { CSV_COLUMNS } from './orgSummary';
import { OrgSloSummaries } from './OrgSloSummaries';

export { SUMMARY_CACHE_SECONDS } from './OrgSloSummaries';
import { SloService } from './SloService';

function entityRefFor(ref: string) {
  try {
    return parseEntityRef(ref, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
}

/** gogidix.http.maxRequestBytes when unset. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: SloService;
  store: SloStore;
  links: SloLinks;
  /** The deploy gate, and the auditor its decisions and overrides go to. */
  gate: DeployGate;
  auditor: AuditorService;
  now?: () => Date;
  /** gogidix.http.maxRequestBytes: the largest body, e.g. an OpenSLO document. */
  maxBodyBytes?: number;
}): Promise<express.Router> {
  const { httpAuth, permissions, service, store, links } = options;
  const now = options.now ?? (() => new Date());
  // In place of the OpenAPI router's own parser, which stops at 100 KB.
  const summaries = new OrgSloSummaries({
    permissions,
    store,
    now,
    sliSource: service.sliSource,
  });
  const router = await createOpenApiRouter({
    middleware: [
      express.json({ limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }),
    ],
  });

  /** `at` as a moment, or undefined for now (summaries of now are shared longer). */
  const asOfOrNow = (at: unknown) =>
    at === undefined ? undefined : parseAsOf(at, now());

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    await entityRequest(
      { httpAuth, permissions },
      req,
      sloEntityReadPermission,
      ref => `Not allowed to read the SLOs of ${ref}`,
    );
    const at = parseAsOf(req.query.at, now());
    res.json({ ...(await service.entityStatus(req.params, at)) });
  });

  router.get('/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const at = asOfOrNow(req.query.at);
    res.json({ ...(await summaries.summary(credentials, req.query, at)) });
  });

  router.get('/summary.csv', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const at = asOfOrNow(req.query.at);
    const { slos } = await summaries.summary(credentials, req.query, at);
    res
      .type('text/csv')
      .set('content-disposition', attachmentDisposition('slo-summary.csv'))
      .send(exportCsv(CSV_COLUMNS, slos));
  });

  router.post('/rules', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: sloRulesCreatePermission },
      'Not allowed to generate SLO rules',
    );
    const { document, entityRef } = req.body;
    const { slos, problems } = parseOpenSloDocuments(document, 'request body');
    if (slos.length === 0) {
      throw new InputError(
        `The document has no usable SLO: ${problems
          .map(p => `${p.path}: ${p.message}`)
          .join('; ')}`,
      );
    }
    const groups = slos.flatMap(slo => {
      const ref = entityRefFor(entityRef ?? slo.service);
      return generateSlothRules(slo, {
        service: slo.service,
        runbookUrl: () => links.runbook(ref, slo.runbook),
      }).groups;
    });
    res.json({ problems, rules: { groups } });
  });

  addDeployGateRoutes(router, {
    httpAuth,
    permissions,
    auditor: options.auditor,
    gate: options.gate,
    now,
  });

  return router;
}
