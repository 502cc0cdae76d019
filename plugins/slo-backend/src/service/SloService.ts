import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  CompoundEntityRef,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  compliancePeriod,
  EntitySloStatus,
  evaluateSlo,
  NO_SLI_SOURCE_NOTICE,
  ResolvedSlo,
  SliSourceKind,
  SloEvaluation,
  SloStatus,
} from '@gogidix/plugin-slo-common';
import { SloDefinition, SloStore } from '../database/SloStore';
import { slosOfComponent } from './attribution';
import { EntityOpenSlo, OpenSloDocumentReader } from './OpenSloDocumentReader';
import { SliSource } from './SliSource';
import { SloLinks } from './links';
import {
  OPENSLO_ANNOTATION,
  TIER_LABEL,
  ownerTeamRef,
} from '@gogidix/portal-common';

const HOUR = 3600_000;

/**
 * The configured SLI source: Prometheus, the demo history, or none (nothing
 * is evaluated, and every answer says so).
 */
export type ConfiguredSliSource =
  | { kind: Exclude<SliSourceKind, 'none'>; source: SliSource }
  | { kind: 'none' };

/**
 * Reads SLO definitions from the catalog, evaluates them against the SLI
 * source at a given time, and keeps snapshots so pages can draw history and
 * fall back to the last known values when the source is down.
 */
export class SloService {
  constructor(
    private readonly deps: {
      store: SloStore;
      sli: ConfiguredSliSource;
      documents: OpenSloDocumentReader;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      links: SloLinks;
    },
  ) {}

  /** Where SLIs come from, as configured. */
  get sliSource(): SliSourceKind {
    return this.deps.sli.kind;
  }

  /** Re-reads every entity that names an OpenSLO document; returns how many SLOs are new. */
  async refreshDefinitions(): Promise<number> {
    const { catalog, auth, store, documents, logger } = this.deps;
    const known = new Set((await store.listSlos()).map(s => s.slo.id));
    const { items } = await catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${OPENSLO_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const read: Array<{ entity: Entity; parsed: EntityOpenSlo }> = [];
    const readers = new Map<string, string[]>();
    for (const entity of items) {
      const parsed = await documents.read(entity);
      read.push({ entity, parsed });
      if (parsed.document) {
        readers.set(parsed.document, [
          ...(readers.get(parsed.document) ?? []),
          entity.metadata.name,
        ]);
      }
    }
    const refs: string[] = [];
    const definitions = new Map<string, SloDefinition>();
    for (const { entity, parsed } of read) {
      const entityRef = stringifyEntityRef(entity);
      const { slos, problems } = slosOfComponent(
        parsed,
        entity.metadata.name,
        (parsed.document && readers.get(parsed.document)) || [
          entity.metadata.name,
        ],
      );
      for (const problem of problems) {
        logger.warn(
          `OpenSLO problem of ${entityRef} in ${problem.source} at ${problem.path}: ${problem.message}`,
        );
      }
      refs.push(entityRef);
      for (const slo of slos) {
        const first = definitions.get(slo.id);
        if (first) {
          logger.warn(
            `OpenSLO: ${entityRef} declares SLO ${slo.id}, already declared by ${first.entityRef}; kept for ${first.entityRef}`,
          );
          continue;
        }
        definitions.set(slo.id, this.definition(entity, entityRef, slo));
      }
    }
    await store.replaceDefinitions(refs, [...definitions.values()]);
    await store.retainEntities(refs);
    return [...definitions.keys()].filter(id => !known.has(id)).length;
  }

  /** Evaluates every stored SLO at `at` and records the results. */
  async evaluateAll(at: Date): Promise<SloEvaluation[]> {
    const { sli } = this.deps;
    if (sli.kind === 'none') return [];
    const slos = (await this.deps.store.listSlos()).map(s => s.slo);
    const ratios = await sli.source.errorRatios(slos, at);
    const evaluations = slos.map(slo =>
      evaluateSlo(slo, ratios.get(slo.id) ?? { period: 'missing' }, at),
    );
    await this.deps.store.recordEvaluations(evaluations);
    return evaluations;
  }

  /**
   * Fills hourly snapshots from the newest one (or `days` ago) up to `now`,
   * so burn-down charts and trends exist from the first start.
   */
  async backfillHistory(now: Date, days: number): Promise<number> {
    if (this.deps.sli.kind === 'none') return 0;
    const newest = await this.deps.store.newestSnapshotAt();
    const earliest =
      Math.floor((now.getTime() - days * 24 * HOUR) / HOUR) * HOUR;
    let at = Math.max(earliest, newest ? newest.getTime() + HOUR : earliest);
    let rounds = 0;
    for (; at < now.getTime(); at += HOUR, rounds++) {
      await this.evaluateAll(new Date(at));
    }
    return rounds;
  }

  /** The entity's SLOs as of `at`; stored values with a notice when the source is down. */
  async entityStatus(
    ref: CompoundEntityRef,
    at: Date,
  ): Promise<EntitySloStatus> {
    const { catalog, auth, sli, store } = this.deps;
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await auth.getOwnServiceCredentials(),
    });
    if (!entity)
      throw new NotFoundError(`No entity ${stringifyEntityRef(ref)}`);
    const entityRef = stringifyEntityRef(entity);
    const { slos, problems } = await this.slosOf(entity, entityRef);
    if (sli.kind === 'none') {
      // Nothing is evaluated, and stored values (say, from an earlier demo
      // run on this database) are not shown as if they were measured.
      return {
        entityRef,
        at: at.toISOString(),
        freshness: 'live',
        sliSource: 'none',
        notice: NO_SLI_SOURCE_NOTICE,
        problems,
        slos: slos.map(slo => ({
          slo,
          burnDown: [],
          links: this.deps.links.forSlo(entity, slo),
        })),
      };
    }

    let freshness: EntitySloStatus['freshness'] = 'live';
    let notice: string | undefined;
    let evaluations = new Map<string, SloEvaluation>();
    try {
      const ratios = await sli.source.errorRatios(slos, at);
      for (const slo of slos) {
        evaluations.set(
          slo.id,
          evaluateSlo(slo, ratios.get(slo.id) ?? { period: 'missing' }, at),
        );
      }
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      freshness = 'stored';
      evaluations = await store.latestSnapshots(
        slos.map(s => s.id),
        at,
      );
      notice = `The SLI source is unreachable (${
        error.message
      }). Showing the last values computed at or before ${at.toISOString()}.`;
    }

    const statuses: SloStatus[] = [];
    for (const slo of slos) {
      const period = compliancePeriod(slo.timeWindow, at);
      const snapshots = await store.listSnapshots([slo.id], period.start, at);
      statuses.push({
        slo,
        ...(evaluations.has(slo.id)
          ? { evaluation: evaluations.get(slo.id) }
          : {}),
        burnDown: snapshots.map(s => ({
          at: s.at,
          remaining:
            typeof s.budget.remaining === 'number' ? s.budget.remaining : null,
          sli: typeof s.sli === 'number' ? s.sli : null,
        })),
        links: this.deps.links.forSlo(entity, slo),
      });
    }
    return {
      entityRef,
      at: at.toISOString(),
      freshness,
      sliSource: sli.kind,
      ...(notice ? { notice } : {}),
      problems,
      slos: statuses,
    };
  }

  /**
   * The entity's SLOs from its document. Who else reads the document is
   * known from the last refresh: the components the store gives these SLOs to.
   */
  private async slosOf(entity: Entity, entityRef: string) {
    const parsed = await this.deps.documents.read(entity);
    const stored = await this.deps.store.listSlos({
      sloIds: parsed.slos.map(slo => slo.id),
    });
    const readers = [
      entity.metadata.name,
      ...stored
        .filter(s => s.entityRef !== entityRef)
        .map(s => parseEntityRef(s.entityRef).name),
    ];
    return slosOfComponent(parsed, entity.metadata.name, readers);
  }

  private definition(
    entity: Entity,
    entityRef: string,
    slo: ResolvedSlo,
  ): SloDefinition {
    const spec = (entity.spec ?? {}) as { owner?: string; system?: string };
    const tier = entity.metadata.labels?.[TIER_LABEL];
    // Full refs, so the home card can filter by the user's ownership refs.
    const owner = spec.owner
      ? ownerTeamRef(spec.owner, {
          defaultNamespace: entity.metadata.namespace ?? 'default',
        })
      : 'unknown';
    return {
      slo,
      entityRef,
      owner,
      ...(spec.system ? { system: spec.system } : {}),
      ...(tier ? { tier } : {}),
    };
  }
}
