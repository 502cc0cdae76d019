import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  complianceEntityReadPermission,
  complianceExportReadPermission,
  complianceOrgReadPermission,
  DEFAULT_SUMMARY_LIMIT,
} from '@gogidix/plugin-compliance-common';
import {
  authorizeOrThrow,
  teamScope as scopeOfTeams,
  entityRequest,
} from '@gogidix/portal-node';
import express from 'express';
import { ComplianceStore } from '../database/ComplianceStore';
import { RuleSet } from '../rules/ruleSet';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { orgCompliance } from './orgDigest';
import { SummaryCache } from './SummaryCache';
import { addExportRoutes } from './routes/exportRoutes';
import { addTrivyRoutes } from './routes/trivyRoutes';
import { addWaiverRoutes } from './routes/waiverRoutes';
import { WaiverRequests } from './WaiverRequests';
import { applyWaivers } from './resultsWithWaivers';
import { entityReport } from './entityReport';

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

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const { entityRef } = await entityRequest(
      { httpAuth, permissions },
      req,
      complianceEntityReadPermission,
      ref => `You may not read the compliance of ${ref}`,
    );
    res.json({ ...(await entityReport(store, ruleSet, entityRef, now())) });
  });

  addExportRoutes(router, { exportFor, ruleSet });
  addWaiverRoutes(router, {
    httpAuth,
    auditor,
    waivers: new WaiverRequests({
      catalog,
      permissions,
      store,
      ruleSet,
      now,
    }),
  });
  addTrivyRoutes(router, { httpAuth, catalog, store, now, permissions });
  return router;
}
