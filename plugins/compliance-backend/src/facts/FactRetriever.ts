import { Entity } from '@backstage/catalog-model';
import { Evidence, FactValue } from '@gogidix/plugin-compliance-common';

export interface FactDefinition {
  id: string;
  description: string;
}

/** One fact about one entity, as a retriever hands it to the round. */
export interface CollectedFact extends Evidence {
  entityRef: string;
}

/**
 * Collects a family of facts for the entities of a round. A retriever never
 * throws for one entity: what it cannot collect comes back as facts in an
 * error state, so the rest of the round is kept.
 */
export interface FactRetriever {
  readonly id: string;
  readonly facts: FactDefinition[];
  retrieve(
    entities: Array<{ entity: Entity; entityRef: string }>,
    now: Date,
  ): Promise<CollectedFact[]>;
}

export function factsWithValues(
  entityRef: string,
  values: Record<string, FactValue>,
  source: string,
  collectedAt: string,
): CollectedFact[] {
  return Object.entries(values).map(([factId, value]) => ({
    entityRef,
    factId,
    value,
    source,
    collectedAt,
  }));
}

/** Every fact of the retriever for the entity, in an error state. */
export function factsInError(
  retriever: Pick<FactRetriever, 'facts'>,
  entityRef: string,
  error: string,
  source: string,
  collectedAt: string,
): CollectedFact[] {
  return retriever.facts.map(fact => ({
    entityRef,
    factId: fact.id,
    value: null,
    source,
    collectedAt,
    error,
  }));
}
