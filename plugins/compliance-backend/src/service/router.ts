import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  complianceEntityReadPermission,
  complianceExportReadPermission,
  complianceOrgReadPermission,
  complianceTrivyCreatePermission,
  complianceWaiverCreatePermission,
  DEFAULT_SUMMARY_LIMIT,
} from '@gogidix/plugin-compliance-common';
import {
  actorRef,
  attachmentDisposition,
  authorizeOrThrow,
  exportCsv,
  teamScope as scopeOfTeams,
} from '@gogidix/portal-node';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { ComplianceStore } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { orgCompliance } from './orgDigest';
import { SummaryCache } from './SummaryCache';
import { ingestTrivyReport } from './trivyIngest';
import { EXPORT_COLUMNS, exportRows } from './evidenceExport';
import {
  applyWaivers,
  entityCompliance,
  withActive,
} from './resultsWithWaivers';

const MAX_WAIVER_DAYS = 365;
const DAY = 86400_000;
/** How far ahead of our clock a scanner's clock may run. */
export const TRIVY_CLOCK_SKEW_MS = 5 * 60_000;

const asList = (value: unknown): string[] =>
  value === undefined
    ? []
    : (Array.isArray(value) ? value : [value]).map(String);

/** gogidix.http.maxRequestBytes and maxImportBytes when unset. */
export const DEFAULT_BODY_LIMITS = {
  maxRequestBytes: 5 * 1024 * 1024,
  maxImportBytes: 200 * 1024 * 1024,
};

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  store: ComplianceStore;
  ruleSet: RuleSet;
  now?: () => Date;
  bodyLimits?: typeof DEFAULT_BODY_LIMITS;
}): Promise<express.Router> {
  const { httpAuth, permissions, auditor, catalog, store, ruleSet } = options;
  const now = options.now ?? (() => new Date());
  const { maxRequestBytes, maxImportBytes } =
    options.bodyLimits ?? DEFAULT_BODY_LIMITS;
  // Trivy reports of large images run to megabytes: up to the import limit;
  // other bodies up to the request limit. (The OpenAPI router's own parser
  // would stop every body at 100 KB.)
  const reportBody = express.json({ limit: maxImportBytes });
  const otherBody = express.json({ limit: maxRequestBytes });
  const router = await createOpenApiRouter({
    middleware: [
      (req, res, next) =>
        (/\/trivy\/?$/i.test(req.path) ? reportBody : otherBody)(
          req,
          res,
          next,
        ),
    ],
  });
  const summaries = new SummaryCache({ store, ruleSet });

  /**
   * Of `teams` (every team with evaluated components), those the caller may
   * read and those to show: the ones asked for, or all readable ones.
   */
  const teamScope = async (
    credentials: BackstageCredentials,
    teams: string[],
    query: { team?: unknown },
  ) => {
    const requested = asList(query.team);
    const { visible, shown } = await scopeOfTeams({
      permissions,
      credentials,
      permission: complianceOrgReadPermission,
      teams,
      requested,
      messages: {
        noTeam: 'You may not read the compliance of any team',
        refused: refused =>
          `You may not read the compliance of ${refused.join(', ')}`,
      },
    });
    return {
      teams: visible,
      filters: { teams: requested },
      shown: new Set(shown),
    };
  };

  /** The latest results of the teams asked for that the caller may read. */
  const visibleResults = async (
    credentials: BackstageCredentials,
    query: { team?: unknown },
  ) => {
    const all = await store.latestResults();
    const scope = await teamScope(
      credentials,
      [...new Set(all.map(r => r.team))].sort(),
      query,
    );
    const waivers = await store.listWaivers();
    return {
      filters: scope.filters,
      waivers,
      results: applyWaivers(
        all.filter(r => scope.shown.has(r.team)),
        ruleSet,
        waivers,
        now(),
      ),
    };
  };

  router.get('/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const source = await summaries.get(now());
    const scope = await teamScope(credentials, source.teams, req.query);
    const limit =
      req.query.limit === undefined
        ? DEFAULT_SUMMARY_LIMIT
        : Number(req.query.limit);
    res.json({
      ...orgCompliance({
        digest: source.digest,
        shown: scope.shown,
        limit,
        ruleSet,
        trend: source.trend.filter(row => scope.shown.has(row.team)),
        campaignHistory: source.campaignHistory,
        teams: scope.teams,
        filters: scope.filters,
        evaluatedAt: source.evaluatedAt,
      }),
    });
  });

  const exportFor = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: complianceExportReadPermission },
      'You may not export compliance evidence',
    );
    const visible = await visibleResults(credentials, req.query);
    return { ...visible, generatedAt: now() };
  };

  router.get('/export.json', async (req, res) => {
    const { results, waivers, generatedAt, filters } = await exportFor(req);
    const at = generatedAt;
    res
      .set(
        'content-disposition',
        attachmentDisposition('compliance-export.json'),
      )
      .json({
        generatedAt: at.toISOString(),
        filters,
        controls: ruleSet.controls.map(c => ({
          framework: c.framework,
          id: c.id,
          title: c.title,
          checks: c.checks,
        })),
        checks: ruleSet.checks.map(c => ({
          id: c.id,
          title: c.title,
          level: c.level,
          description: c.description,
          facts: c.facts,
          controls: c.controls,
        })),
        entities: results.map(result => {
          const mine = waivers.filter(w => w.entityRef === result.entityRef);
          const { checks, controls, ...entity } = entityCompliance(
            result,
            ruleSet,
            mine,
            at,
          );
          return {
            ...entity,
            controls: controls.map(c => ({
              framework: c.framework,
              id: c.id,
              status: c.status,
              checkIds: c.checkIds,
            })),
            checks: checks.map(c => ({
              checkId: c.checkId,
              status: c.status,
              reason: c.reason,
              evidence: c.evidence,
              waiver: c.waiver,
            })),
          };
        }),
      });
  });

  router.get('/export.csv', async (req, res) => {
    const { results, waivers, generatedAt } = await exportFor(req);
    const rows = exportRows(results, ruleSet, waivers, generatedAt);
    res
      .type('text/csv')
      .set(
        'content-disposition',
        attachmentDisposition('compliance-export.csv'),
      )
      .send(exportCsv(EXPORT_COLUMNS, rows));
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = stringifyEntityRef(req.params);
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: complianceEntityReadPermission, resourceRef: entityRef },
      `You may not read the compliance of ${entityRef}`,
    );
    const [result] = await store.latestResults({ entityRef });
    if (!result) {
      throw new NotFoundError(
        `${entityRef} has not been evaluated: it is not a catalog component, or the first compliance round has not run yet`,
      );
    }
    const waivers = await store.listWaivers(entityRef);
    const [current] = applyWaivers([result], ruleSet, waivers, now());
    res.json({ ...entityCompliance(current, ruleSet, waivers, now()) });
  });

  router.post('/entities/:kind/:namespace/:name/waivers', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const entityRef = stringifyEntityRef(req.params);
    const event = await auditor.createEvent({
      eventId: 'waiver-create',
      severityLevel: 'medium',
      request: req,
      meta: { entityRef, checkId: String(req.body?.checkId ?? '') },
    });
    try {
      await authorizeOrThrow(
        permissions,
        credentials,
        {
          permission: complianceWaiverCreatePermission,
          resourceRef: entityRef,
        },
        `You may not waive checks of ${entityRef}`,
      );
      const { checkId, reason, approver, expiresAt } = req.body;
      if (!ruleSet.checks.some(c => c.id === checkId)) {
        throw new InputError(
          `checkId: no check "${checkId}" (checks: ${ruleSet.checks
            .map(c => c.id)
            .join(', ')})`,
        );
      }
      const expires = Date.parse(expiresAt);
      const at = now();
      if (expires <= at.getTime()) {
        throw new InputError('expiresAt must be in the future');
      }
      if (expires > at.getTime() + MAX_WAIVER_DAYS * DAY) {
        throw new InputError(
          `expiresAt may be at most ${MAX_WAIVER_DAYS} days away: waivers are reviewed at least yearly`,
        );
      }
      const [evaluated] = await store.latestResults({ entityRef });
      if (!evaluated) {
        throw new NotFoundError(`${entityRef} has not been evaluated`);
      }
      // An approver is someone the auditor can find: a User in the catalog.
      const approverEntity = await catalog.getEntityByRef(approver, {
        credentials,
      });
      if (approverEntity?.kind.toLocaleLowerCase('en-US') !== 'user') {
        throw new InputError(
          `approver: no user ${approver} in the catalog; name the person who approved the waiver`,
        );
      }
      const waiver = {
        id: randomUUID(),
        entityRef,
        checkId,
        reason: reason.trim(),
        approver,
        createdBy: actorRef(credentials),
        createdAt: at.toISOString(),
        expiresAt: new Date(expires).toISOString(),
      };
      await store.createWaiver(waiver);
      await event.success({ meta: { waiverId: waiver.id, approver } });
      res.status(201).json({ ...withActive(waiver, at) });
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/entities/:kind/:namespace/:name/trivy', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: complianceTrivyCreatePermission },
      'You may not upload Trivy reports',
    );
    const entityRef = stringifyEntityRef(req.params);
    const component = await catalog.getEntityByRef(entityRef, { credentials });
    if (component?.kind.toLocaleLowerCase('en-US') !== 'component') {
      throw new NotFoundError(`${entityRef} is not a catalog component`);
    }
    const createdAt = (req.body as { CreatedAt?: unknown } | undefined)
      ?.CreatedAt;
    const scannedAt = Date.parse(String(createdAt));
    if (scannedAt > now().getTime() + TRIVY_CLOCK_SKEW_MS) {
      throw new InputError(
        `CreatedAt ${String(
          createdAt,
        )} is in the future: check the clock of the machine that ran Trivy`,
      );
    }
    const summary = await ingestTrivyReport(store, {
      entityRef,
      report: req.body,
      source: `uploaded by ${actorRef(credentials)}`,
      now: now(),
    });
    res.status(201).json({ ...summary });
  });

  return router;
}
