import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CheckLevel,
  CheckStatus,
  ScorecardLevel,
  TrivyStatus,
  scorecardLevel,
} from '@gogidix/plugin-compliance-common';
import fs from 'node:fs';
import { DEFAULT_RULES_FILE } from '../config';
import { CatalogFactRetriever } from '../facts/CatalogFactRetriever';
import { FactRetriever } from '../facts/FactRetriever';
import { RepositoryFactRetriever } from '../facts/RepositoryFactRetriever';
import { SLO_FACTS, SloSummaryRow, sloFacts } from '../facts/SloFactRetriever';
import { TrivyFactRetriever } from '../facts/TrivyFactRetriever';
import { CheckEvaluator } from '../rules/CheckEvaluator';
import { RuleSet, parseRuleSet } from '../rules/ruleSet';

/** @public */
export interface ScorecardPreview {
  level: ScorecardLevel;
  checks: Array<{
    checkId: string;
    level: CheckLevel;
    status: CheckStatus;
    reason?: string;
  }>;
}

/**
 * The level one component would reach, evaluated by the same retrievers
 * and rules as a round, with the Trivy and SLO states given instead of
 * read from the store and the SLO plugin; nothing is stored. It answers
 * "what does a service fresh from a template reach?".
 *
 * @public
 */
export async function previewScorecard(options: {
  entity: Entity;
  urlReader: UrlReaderService;
  trivy: TrivyStatus;
  slos: Array<{ status: string }>;
  now: Date;
  ruleSet?: RuleSet;
}): Promise<ScorecardPreview> {
  const { entity, now } = options;
  const entityRef = stringifyEntityRef(entity);
  const ruleSet =
    options.ruleSet ??
    parseRuleSet(fs.readFileSync(DEFAULT_RULES_FILE, 'utf8'), 'default rules');
  const slo: FactRetriever = {
    id: 'slo',
    facts: SLO_FACTS,
    retrieve: async () =>
      sloFacts(
        entityRef,
        options.slos.map((s): SloSummaryRow => ({ entityRef, ...s })),
        'the SLO states given',
        now.toISOString(),
      ),
  };
  const retrievers: FactRetriever[] = [
    new CatalogFactRetriever(),
    new RepositoryFactRetriever(options.urlReader),
    new TrivyFactRetriever({
      listTrivyReports: async () => [{ entityRef, ...options.trivy }],
    }),
    slo,
  ];
  const facts = (
    await Promise.all(
      retrievers.map(r => r.retrieve([{ entity, entityRef }], now)),
    )
  ).flat();
  const evaluator = new CheckEvaluator(
    ruleSet,
    new Set(retrievers.flatMap(r => r.facts.map(f => f.id))),
  );
  const outcomes = await evaluator.evaluate(
    new Map(facts.map(({ entityRef: _, ...f }) => [f.factId, f])),
  );
  const levels = new Map(ruleSet.checks.map(c => [c.id, c.level] as const));
  const checks = outcomes.map(o => ({
    checkId: o.checkId,
    level: levels.get(o.checkId)!,
    status: o.status,
    ...(o.reason ? { reason: o.reason } : {}),
  }));
  return { level: scorecardLevel(checks), checks };
}
