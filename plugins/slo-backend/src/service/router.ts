import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  generateSlothRules,
  parseOpenSloDocuments,
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
  service: SloService;
  store: SloStore;
  links: SloLinks;
  now?: () => Date;
}): Promise<express.Router> {
  const { httpAuth, service, store, links } = options;
  const now = options.now ?? (() => new Date());
  const router = await createOpenApiRouter();
  router.use(express.json({ limit: '512kb' }));

  router.get('/entities/:kind/:namespace/:name/status', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const at = parseAt(req.query.at, now());
    res.json({ ...(await service.entityStatus(req.params, at)) });
  });

  const summary = async (query: { owner?: unknown; tier?: unknown }) => {
    const filters = { owners: asList(query.owner), tiers: asList(query.tier) };
    const since = new Date(now().getTime() - TREND_DAYS * 86400_000);
    const [stored, trend] = await Promise.all([
      store.listSlos(filters),
      store.dailyStatusCounts(filters, since),
    ]);
    return orgSummary(stored, trend, filters);
  };

  router.get('/summary', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ ...(await summary(req.query)) });
  });

  router.get('/summary.csv', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const { slos } = await summary(req.query);
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
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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
