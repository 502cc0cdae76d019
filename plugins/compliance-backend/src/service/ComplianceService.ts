import { entityOwnerTeamRef } from '@gogidix/portal-common';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  Evidence,
  Waiver,
  scorecardLevel,
  meets,
} from '@gogidix/plugin-compliance-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ComplianceStore,
  EntityRoundResult,
  StoredCheckResult,
} from '../database/ComplianceStore';
import {
  CollectedFact,
  FactRetriever,
  factsInError,
} from '../facts/FactRetriever';
import { CheckEvaluator } from '../rules/CheckEvaluator';
import { RuleSet } from '../rules/ruleSet';

/** The catalog requires an owner; this only labels a broken entity. */
export const UNOWNED = 'group:default/unowned';

export const isActive = (waiver: Pick<Waiver, 'expiresAt'>, now: Date) =>
  Date.parse(waiver.expiresAt) > now.getTime();

export interface RoundSummary {
  entities: number;
  facts: number;
  factErrors: number;
  checkErrors: number;
  /** Milliseconds spent collecting facts and evaluating checks. */
  collectMs: number;
  evaluateMs: number;
  storeMs: number;
}

/** The entity the round evaluates: the catalog's components. */
export interface RoundEntity {
  entity: Entity;
  entityRef: string;
}

/**
 * One compliance round: collect every fact for every component, evaluate
 * the checks, apply the active waivers, and store the results, the trend
 * rows and campaign progress.
 */
export class ComplianceService {
  readonly evaluator: CheckEvaluator;

  constructor(
    private readonly deps: {
      ruleSet: RuleSet;
      retrievers: FactRetriever[];
      store: ComplianceStore;
      logger: LoggerService;
      /** The entities of a round; the catalog's components by default. */
      entities: () => Promise<Entity[]>;
    },
  ) {
    const known = new Set(deps.retrievers.flatMap(r => r.facts.map(f => f.id)));
    this.evaluator = new CheckEvaluator(deps.ruleSet, known);
  }

  static catalogComponents(catalog: CatalogService, auth: AuthService) {
    return async () => {
      const { items } = await catalog.getEntities(
        { filter: { kind: 'Component' } },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return items;
    };
  }

  /**
   * At start: names each check that refers to facts no retriever collects,
   * so that a typo in the rules file shows in the log, not only on pages.
   */
  warnAboutUnknownFacts(rulesFile: string): void {
    for (const { checkId, facts } of this.evaluator.unknownFactReferences()) {
      this.deps.logger.warn(
        `Compliance check ${checkId} in ${rulesFile} refers to unknown facts ${facts.join(
          ', ',
        )}: it will show an error`,
      );
    }
  }

  /** The scheduled task: one round, and a line in the log about it. */
  async runLoggedRound(): Promise<RoundSummary> {
    const round = await this.runRound();
    this.deps.logger.info(
      `Compliance round: ${round.entities} components, ${round.facts} facts (${round.factErrors} in error), ${round.checkErrors} checks in error`,
    );
    return round;
  }

  async collect(entities: RoundEntity[], now: Date): Promise<CollectedFact[]> {
    const collected = await Promise.all(
      this.deps.retrievers.map(async retriever => {
        try {
          return await retriever.retrieve(entities, now);
        } catch (error) {
          // A retriever that fails as a whole still leaves the others' facts.
          this.deps.logger.warn(
            `Compliance facts from ${retriever.id} failed: ${error}`,
          );
          return entities.flatMap(({ entityRef }) =>
            factsInError(
              retriever,
              entityRef,
              `${retriever.id} facts could not be collected: ${
                (error as Error).message
              }`,
              retriever.id,
              now.toISOString(),
            ),
          );
        }
      }),
    );
    return collected.flat();
  }

  async evaluate(
    entities: RoundEntity[],
    facts: CollectedFact[],
    waivers: Array<Omit<Waiver, 'active'>>,
    now: Date,
  ): Promise<EntityRoundResult[]> {
    const byEntity = new Map<string, Map<string, Evidence>>();
    for (const { entityRef, ...evidence } of facts) {
      let map = byEntity.get(entityRef);
      if (!map) byEntity.set(entityRef, (map = new Map()));
      map.set(evidence.factId, evidence);
    }
    const activeWaivers = new Map<string, Omit<Waiver, 'active'>>();
    for (const waiver of waivers) {
      if (isActive(waiver, now)) {
        activeWaivers.set(`${waiver.entityRef} ${waiver.checkId}`, waiver);
      }
    }
    const levels = new Map(
      this.deps.ruleSet.checks.map(c => [c.id, c.level] as const),
    );
    const results: EntityRoundResult[] = [];
    for (const { entity, entityRef } of entities) {
      const outcomes = await this.evaluator.evaluate(
        byEntity.get(entityRef) ?? new Map(),
      );
      const checks: StoredCheckResult[] = outcomes.map(outcome => {
        const waiver = activeWaivers.get(`${entityRef} ${outcome.checkId}`);
        // A waiver excuses a failing check; an error still needs a look.
        return waiver && outcome.status === 'fail'
          ? { ...outcome, status: 'waived', waiverId: waiver.id }
          : outcome;
      });
      results.push({
        entityRef,
        title: entity.metadata.title,
        team: entityOwnerTeamRef(entity) ?? UNOWNED,
        system: entity.spec?.system ? String(entity.spec.system) : undefined,
        level: scorecardLevel(
          checks.map(c => ({
            level: levels.get(c.checkId)!,
            status: c.status,
          })),
        ),
        checks,
      });
    }
    return results;
  }

  /** Runs a full round and stores it. */
  async runRound(now = new Date()): Promise<RoundSummary> {
    const { store, ruleSet } = this.deps;
    const entities = (await this.deps.entities()).map(entity => ({
      entity,
      entityRef: stringifyEntityRef(entity),
    }));
    const t0 = performance.now();
    const facts = await this.collect(entities, now);
    const t1 = performance.now();
    const results = await this.evaluate(
      entities,
      facts,
      await store.listWaivers(),
      now,
    );
    const t2 = performance.now();
    // Per team, so each caller's history adds up only the teams they read.
    const campaigns = ruleSet.campaigns.flatMap(campaign => {
      const byTeam = new Map<string, { passing: number; total: number }>();
      for (const result of results) {
        for (const check of result.checks) {
          if (campaign.checks.includes(check.checkId)) {
            const counts = byTeam.get(result.team) ?? { passing: 0, total: 0 };
            counts.total++;
            if (meets(check.status)) counts.passing++;
            byTeam.set(result.team, counts);
          }
        }
      }
      return [...byTeam].map(([team, counts]) => ({
        campaignId: campaign.id,
        team,
        ...counts,
      }));
    });
    await store.replaceFacts(facts);
    await store.saveRound({
      startedAt: now.toISOString(),
      finishedAt: new Date().toISOString(),
      results,
      campaigns,
    });
    const t3 = performance.now();
    return {
      entities: entities.length,
      facts: facts.length,
      factErrors: facts.filter(f => f.error).length,
      checkErrors: results.reduce(
        (n, r) => n + r.checks.filter(c => c.status === 'error').length,
        0,
      ),
      collectMs: t1 - t0,
      evaluateMs: t2 - t1,
      storeMs: t3 - t2,
    };
  }
}
