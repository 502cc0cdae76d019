import { Evidence } from '@gogidix/plugin-compliance-common';
import { Engine, RuleResult } from 'json-rules-engine';
import { CheckDefinition, PLACEHOLDER, RuleSet } from './ruleSet';

/** A check's outcome before waivers are applied. */
export interface CheckOutcome {
  checkId: string;
  status: 'pass' | 'fail' | 'error' | 'pending';
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

/** A fact's value inside a sentence. */
function inWords(value: unknown): string {
  if (value === null || value === undefined) return 'not set';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The check's whenFailing sentence with the facts' values filled in. */
export function failureSentence(
  template: string,
  values: Record<string, unknown>,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) =>
    inWords(values[name]),
  );
}

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
      return fact.error ? [fact.error] : [];
    });
    if (problems.length > 0) {
      // Facts of one source fail together: say their reason once.
      return {
        checkId: check.id,
        status: 'error',
        reason: `Could not be checked: ${[...new Set(problems)].join('; ')}`,
        evidence,
      };
    }
    // A check that would fail only for want of data not sent yet waits.
    const waiting = [
      ...new Set(evidence.flatMap(e => (e.pending ? [e.pending] : []))),
    ];
    const values = Object.fromEntries(evidence.map(e => [e.factId, e.value]));
    try {
      const { results, failureResults } = await engine.run(values);
      if (results.length > 0) {
        return { checkId: check.id, status: 'pass', evidence };
      }
      if (waiting.length > 0) {
        return {
          checkId: check.id,
          status: 'pending',
          reason: waiting.join('; '),
          evidence,
        };
      }
      const failed = failureResults[0] as RuleResult | undefined;
      let reason: string | undefined;
      if (check.whenFailing) {
        reason = failureSentence(check.whenFailing, values);
      } else if (failed) {
        reason = failedConditions(
          failed.conditions as unknown as ConditionResult,
        ).join('; ');
      }
      return { checkId: check.id, status: 'fail', reason, evidence };
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
