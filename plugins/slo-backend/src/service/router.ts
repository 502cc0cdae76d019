import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  generateSlothRules,
  parseOpenSloDocuments,
  sloEntityReadPermission,
  sloOrgReadPermission,
  sloRulesCreatePermission,
} from '@gogidix/plugin-slo-common';
import stringify from 'csv-stringify/lib/sync';
import express from 'express';
import { SloStore } from '../database/SloStore';
import { createOpenApiRouter } from '../schema/openapi.generated';
import { SloLinks } from './links';
import { CSV_COLUMNS, orgSummary } from './orgSummary';
import { SloService } from './SloService';

const TREND_DAYS = 90;

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

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: SloService;
  store: SloStore;
  links: SloLinks;
  now?: () => Date;
}): Promise<express.Router> {
  const { httpAuth, permissions, service, store, links } = options;
  const now = options.now ?? (() => new Date());
  const router = await createOpenApiRouter();
  router.use(express.json({ limit: '512kb' }));

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const entityRef = stringifyEntityRef(req.params);
    const [decision] = await permissions.authorize(
      [{ permission: sloEntityReadPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed to read the SLOs of ${entityRef}`);
    }
    const at = parseAt(req.query.at, now());
    res.json({ ...(await service.entityStatus(req.params, at)) });
  });

  /**
   * The owners (teams) the caller may see, or undefined for all of them:
   * one batch of `slo.org.read` checks with each owner as the resource.
   * Throws when the caller may see no team at all.
   */
  const visibleOwners = async (credentials: BackstageCredentials) => {
    const owners = [
      ...new Set((await store.listSlos({})).map(slo => slo.owner)),
    ];
    const decisions = await permissions.authorize(
      owners.map(owner => ({
        permission: sloOrgReadPermission,
        resourceRef: owner,
      })),
      { credentials },
    );
    const visible = owners.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
    if (owners.length > 0 && visible.length === 0) {
      throw new NotAllowedError("Not allowed to read any team's SLOs");
    }
    return visible.length === owners.length ? undefined : visible;
  };

  const summary = async (
    credentials: BackstageCredentials,
    query: { owner?: unknown; tier?: unknown },
  ) => {
    const filters = { owners: asList(query.owner), tiers: asList(query.tier) };
    const visible = await visibleOwners(credentials);
    const denied = filters.owners.filter(owner => !visible?.includes(owner));
    if (visible && denied.length) {
      throw new NotAllowedError(
        `Not allowed to read the SLOs of ${denied.join(', ')}`,
      );
    }
    // Without an owner filter, a caller who may not see every team gets
    // the teams they may see.
    const scoped = {
      ...filters,
      owners: filters.owners.length ? filters.owners : visible ?? [],
    };
    const since = new Date(now().getTime() - TREND_DAYS * 86400_000);
    const [stored, trend] = await Promise.all([
      store.listSlos(scoped),
      store.dailyStatusCounts(scoped, since),
    ]);
    return orgSummary(stored, trend, filters);
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
      .attachment('slo-summary.csv')
      .send(
        stringify(
          slos.map(row => CSV_COLUMNS.map(column => row[column] ?? '')),
          { header: true, columns: CSV_COLUMNS as string[] },
        ),
      );
  });

  router.post('/rules', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: sloRulesCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to generate SLO rules');
    }
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
