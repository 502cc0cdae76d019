import { Evidence } from '@gogidix/plugin-compliance-common';
import { Engine, RuleResult } from 'json-rules-engine';
import { CheckDefinition, RuleSet } from './ruleSet';

/** A check's outcome before waivers are applied. */
export interface CheckOutcome {
  checkId: string;
  status: 'pass' | 'fail' | 'error';
  reason?: string;
  evidence: Evidence[];
}

interface ConditionResult {
  fact?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
  factResult?: unknown;
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
}

const show = (value: unknown) =>
  value === undefined ? 'nothing' : JSON.stringify(value);

/** The leaf conditions that did not hold, as "fact is X, needs op Y". */
function failedConditions(node: ConditionResult): string[] {
  if (node.fact !== undefined) {
    return node.result
      ? []
      : [
          `${node.fact} is ${show(node.factResult)}, needs ${
            node.operator
          } ${show(node.value)}`,
        ];
  }
  if (node.all) return node.all.flatMap(failedConditions);
  if (node.any) return [node.any.flatMap(failedConditions).join(' or ')];
  if (node.not) return ['a negated condition held'];
  return [];
}

/**
 * Evaluates the rule set's checks over one entity's facts with
 * json-rules-engine. One engine per check, built once, so that a check
 * that cannot be evaluated (unknown or uncollected fact) is reported on
 * its own and the others still run.
 */
export class CheckEvaluator {
  private readonly engines: Array<{ check: CheckDefinition; engine: Engine }>;

  constructor(
    ruleSet: RuleSet,
    private readonly knownFacts: ReadonlySet<string>,
  ) {
    this.engines = ruleSet.checks.map(check => ({
      check,
      engine: new Engine(
        [{ conditions: check.conditions, event: { type: check.id } }],
        { allowUndefinedFacts: true },
      ),
    }));
  }

  /** Checks whose conditions read facts no retriever provides. */
  unknownFactReferences(): Array<{ checkId: string; facts: string[] }> {
    return this.engines
      .map(({ check }) => ({
        checkId: check.id,
        facts: check.facts.filter(f => !this.knownFacts.has(f)),
      }))
      .filter(u => u.facts.length > 0);
  }

  async evaluate(
    facts: ReadonlyMap<string, Evidence>,
  ): Promise<CheckOutcome[]> {
    return Promise.all(
      this.engines.map(({ check, engine }) =>
        this.evaluateOne(check, engine, facts),
      ),
    );
  }

  private async evaluateOne(
    check: CheckDefinition,
    engine: Engine,
    facts: ReadonlyMap<string, Evidence>,
  ): Promise<CheckOutcome> {
    const evidence = check.facts.flatMap(f => {
      const fact = facts.get(f);
      return fact ? [fact] : [];
    });
    const unknown = check.facts.filter(f => !this.knownFacts.has(f));
    if (unknown.length > 0) {
      return {
        checkId: check.id,
        status: 'error',
        reason: `refers to unknown fact ${unknown.join(', ')}; known facts: ${[
          ...this.knownFacts,
        ]
          .sort()
          .join(', ')}`,
        evidence,
      };
    }
    const problems = check.facts.flatMap(f => {
      const fact = facts.get(f);
      if (!fact) return [`${f} was not collected for this entity`];
      return fact.error ? [`${f} could not be collected: ${fact.error}`] : [];
    });
    if (problems.length > 0) {
      return {
        checkId: check.id,
        status: 'error',
        reason: problems.join('; '),
        evidence,
      };
    }
    const values = Object.fromEntries(evidence.map(e => [e.factId, e.value]));
    try {
      const { results, failureResults } = await engine.run(values);
      if (results.length > 0) {
        return { checkId: check.id, status: 'pass', evidence };
      }
      const failed = failureResults[0] as RuleResult | undefined;
      return {
        checkId: check.id,
        status: 'fail',
        reason: failed
          ? failedConditions(
              failed.conditions as unknown as ConditionResult,
            ).join('; ')
          : undefined,
        evidence,
      };
    } catch (error) {
      return {
        checkId: check.id,
        status: 'error',
        reason: `the rules engine failed: ${(error as Error).message}`,
        evidence,
      };
    }
  }
}
