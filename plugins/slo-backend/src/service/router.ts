import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  actorRef,
  attachmentDisposition,
  authorizeOrThrow,
  exportCsv,
  scopeTeams,
  visibleTeams,
} from '@gogidix/portal-node';
import {
  generateSlothRules,
  OrgSloSummary,
  parseOpenSloDocuments,
  sloEntityReadPermission,
  sloOrgReadPermission,
  sloRulesCreatePermission,
} from '@gogidix/plugin-slo-common';
import { CachedLoader } from '@gogidix/portal-node';
import express from 'express';
import { SloStore } from '../database/SloStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { SloLinks } from './links';
import { CSV_COLUMNS, orgSummary } from './orgSummary';
import { SloService } from './SloService';

const TREND_DAYS = 90;

/**
 * How long a caller's team decisions and a computed org summary are reused.
 * Snapshots land every few minutes, so a new snapshot, a new team or a
 * changed permission shows on the org page within this bound.
 */
export const SUMMARY_CACHE_SECONDS = 10;

interface VisibleOwners {
  all: string[];
  visible: string[];
}

/**
 * Whom permission decisions are about: the user, or the calling service,
 * and the service acting for the user, if any.
 */
function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { actor?: { subject: string } };
  return JSON.stringify([
    actorRef(credentials),
    principal.actor?.subject ?? '',
  ]);
}

function parseAt(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const date = new Date(at);
  if (Number.isNaN(date.getTime()))
    throw new InputError(`at must be an ISO 8601 time, got "${at}"`);
  if (date.getTime() > now.getTime() + 60_000) {
    throw new InputError(
      `at (${at}) is in the future; status can be asked for now or the past`,
    );
  }
  return date;
}

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

const asList = (value: unknown): string[] =>
  value === undefined
    ? []
    : (Array.isArray(value) ? value : [value]).map(String);

/** gogidix.http.maxRequestBytes when unset. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: SloService;
  store: SloStore;
  links: SloLinks;
  now?: () => Date;
  /** gogidix.http.maxRequestBytes: the largest body, e.g. an OpenSLO document. */
  maxBodyBytes?: number;
}): Promise<express.Router> {
  const { httpAuth, permissions, service, store, links } = options;
  const now = options.now ?? (() => new Date());
  // In place of the OpenAPI router's own parser, which stops at 100 KB.
  const router = await createOpenApiRouter({
    middleware: [
      express.json({ limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }),
    ],
  });

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = stringifyEntityRef(req.params);
    await authorizeOrThrow(
      permissions,
      credentials,
      { permission: sloEntityReadPermission, resourceRef: entityRef },
      `Not allowed to read the SLOs of ${entityRef}`,
    );
    const at = parseAt(req.query.at, now());
    res.json({ ...(await service.entityStatus(req.params, at)) });
  });

  const cached = {
    // Served while younger than the bound: a value is at most 1 ms short of it.
    ttlMs: SUMMARY_CACHE_SECONDS * 1000 - 1,
    now: () => now().getTime(),
  };
  const owners = new CachedLoader<string[]>({ ...cached, maxEntries: 1 });
  const decisions = new CachedLoader<VisibleOwners>({
    ...cached,
    maxEntries: 10_000,
  });
  // One entry per scope (a set of teams and tiers), at most an org's size each.
  const summaries = new CachedLoader<OrgSloSummary>({
    ...cached,
    maxEntries: 100,
  });

  /**
   * The owners (teams) the caller may see, among all owners of an SLO:
   * one batch of `slo.org.read` checks with each owner as the resource,
   * kept per caller for SUMMARY_CACHE_SECONDS.
   */
  const visibleOwners = (credentials: BackstageCredentials) =>
    decisions.get(callerKey(credentials), async () => {
      const all = await owners.get('', () => store.listOwners());
      const visible = await visibleTeams({
        permissions,
        credentials,
        permission: sloOrgReadPermission,
        teams: all,
      });
      return { all, visible };
    });

  const summary = async (
    credentials: BackstageCredentials,
    query: { owner?: unknown; tier?: unknown },
  ) => {
    const filters = { owners: asList(query.owner), tiers: asList(query.tier) };
    const { all, visible } = await visibleOwners(credentials);
    const { shown } = scopeTeams(
      { teams: all, visible, requested: filters.owners },
      {
        noTeam: "Not allowed to read any team's SLOs",
        refused: denied =>
          `Not allowed to read the SLOs of ${denied.join(', ')}`,
      },
    );
    // The store is always asked for allowed teams by name, so a team that
    // appeared since the caller's decisions were taken stays out of sight.
    const scope = {
      owners: filters.owners.length ? [...shown].sort() : shown,
      tiers: [...filters.tiers].sort(),
    };
    if (scope.owners.length === 0) return orgSummary([], [], filters);
    // Keyed by the allowed scope, not the caller: callers who may see the
    // same teams share the summary, no one gets another scope's.
    const computed = await summaries.get(JSON.stringify(scope), async () => {
      const since = new Date(now().getTime() - TREND_DAYS * 86400_000);
      const [stored, trend] = await Promise.all([
        store.listSlos(scope),
        store.dailyStatusCounts(scope, since),
      ]);
      return orgSummary(stored, trend, scope);
    });
    return { ...computed, filters };
  };

  router.get('/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({ ...(await summary(credentials, req.query)) });
  });

  router.get('/summary.csv', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { slos } = await summary(credentials, req.query);
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

  return router;
}
