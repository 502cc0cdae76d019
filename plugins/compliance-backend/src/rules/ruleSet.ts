import {
  CHECK_LEVELS,
  CheckLevel,
  ControlRef,
} from '@gogidix/plugin-compliance-common';
import { TopLevelCondition } from 'json-rules-engine';
import { parse } from 'yaml';
import { z } from 'zod';

/** json-rules-engine's built-in operators: the only ones a check may use. */
const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

const factCondition = z
  .object({
    fact: z.string().min(1),
    operator: z.enum(OPERATORS),
    value: z.unknown(),
    path: z.string().optional(),
  })
  .strict();

type Condition =
  | z.infer<typeof factCondition>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    factCondition,
    z.object({ all: z.array(condition).min(1) }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
    z.object({ not: condition }).strict(),
  ]),
);

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

const ruleFile = z
  .object({
    checks: z
      .array(
        z
          .object({
            id,
            title: z.string().min(1),
            level: z.enum(CHECK_LEVELS),
            description: z.string().min(1),
            howToFix: z.string().min(1),
            whenFailing: z.string().min(1).optional(),
            conditions: z.union([
              z.object({ all: z.array(condition).min(1) }).strict(),
              z.object({ any: z.array(condition).min(1) }).strict(),
            ]),
          })
          .strict(),
      )
      .min(1),
    controls: z
      .array(
        z
          .object({
            framework: z.string().min(1),
            id: z.string().min(1),
            title: z.string().min(1),
            checks: z.array(z.string()).min(1),
          })
          .strict(),
      )
      .default([]),
    campaigns: z
      .array(
        z
          .object({
            id,
            title: z.string().min(1),
            owner: z.string().regex(/^group:/, 'must be a group ref'),
            deadline: z.string().regex(/^\d{4}-\d\d-\d\d$/, 'use YYYY-MM-DD'),
            checks: z.array(z.string()).min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export interface CheckDefinition {
  id: string;
  title: string;
  level: CheckLevel;
  description: string;
  howToFix: string;
  /**
   * Why it fails, in words for the people who own the component; `{fact}`
   * stands for the fact's value. Without it the failed conditions are shown.
   */
  whenFailing?: string;
  conditions: TopLevelCondition;
  /** Every fact the conditions read. */
  facts: string[];
  /** Keys of the controls this check gives evidence for. */
  controls: string[];
}

export interface ControlDefinition extends ControlRef {
  checks: string[];
}

export interface CampaignDefinition {
  id: string;
  title: string;
  owner: string;
  deadline: string;
  checks: string[];
}

export interface RuleSet {
  checks: CheckDefinition[];
  controls: ControlDefinition[];
  campaigns: CampaignDefinition[];
}

export class RuleSetError extends Error {}

/** `{trivy.critical}` in a check's whenFailing text. */
export const PLACEHOLDER = /\{([A-Za-z0-9_.]+)\}/g;

function factsOf(node: Condition, into = new Set<string>()): Set<string> {
  if ('fact' in node) into.add(node.fact);
  else if ('all' in node) node.all.forEach(n => factsOf(n, into));
  else if ('any' in node) node.any.forEach(n => factsOf(n, into));
  else factsOf(node.not, into);
  return into;
}

/**
 * Parses and validates a rules file (YAML). Every mistake is listed with the
 * field's path, so a wrong file fails the start with the fix in the message.
 * Facts are not checked here: a check on an unknown fact is reported as an
 * error state when it is evaluated, and the other checks still run.
 */
export function parseRuleSet(text: string, source: string): RuleSet {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new RuleSetError(
      `${source} is not valid YAML: ${(error as Error).message}`,
    );
  }
  const parsed = ruleFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new RuleSetError(`${source} is invalid:\n  ${problems.join('\n  ')}`);
  }
  const { checks, controls, campaigns } = parsed.data;

  const problems: string[] = [];
  const checkIds = new Set<string>();
  checks.forEach((check, index) => {
    if (checkIds.has(check.id)) {
      problems.push(`checks.${index}.id: "${check.id}" is declared twice`);
    }
    checkIds.add(check.id);
    const facts = factsOf(check.conditions);
    for (const [, name] of (check.whenFailing ?? '').matchAll(PLACEHOLDER)) {
      if (!facts.has(name)) {
        problems.push(
          `checks.${index}.whenFailing: {${name}} is not a fact the check's conditions read (${[
            ...facts,
          ].join(', ')})`,
        );
      }
    }
  });
  const unknownChecks = (where: string, ids: string[]) =>
    ids.forEach((checkId, index) => {
      if (!checkIds.has(checkId)) {
        problems.push(
          `${where}.checks.${index}: no check "${checkId}" (declared: ${[
            ...checkIds,
          ].join(', ')})`,
        );
      }
    });
  const controlKeys = new Set<string>();
  controls.forEach((control, index) => {
    const key = `${control.framework} ${control.id}`;
    if (controlKeys.has(key)) {
      problems.push(`controls.${index}: ${key} is declared twice`);
    }
    controlKeys.add(key);
    unknownChecks(`controls.${index}`, control.checks);
  });
  const campaignIds = new Set<string>();
  campaigns.forEach((campaign, index) => {
    if (campaignIds.has(campaign.id)) {
      problems.push(
        `campaigns.${index}.id: "${campaign.id}" is declared twice`,
      );
    }
    campaignIds.add(campaign.id);
    if (Number.isNaN(Date.parse(`${campaign.deadline}T00:00:00Z`))) {
      problems.push(`campaigns.${index}.deadline: not a date`);
    }
    unknownChecks(`campaigns.${index}`, campaign.checks);
  });
  if (problems.length > 0) {
    throw new RuleSetError(`${source} is invalid:\n  ${problems.join('\n  ')}`);
  }

  return {
    checks: checks.map(check => ({
      ...check,
      conditions: check.conditions as TopLevelCondition,
      facts: [...factsOf(check.conditions)].sort(),
      controls: controls
        .filter(control => control.checks.includes(check.id))
        .map(control => `${control.framework} ${control.id}`),
    })),
    controls: controls.map(control => ({
      ...control,
      key: `${control.framework} ${control.id}`,
    })),
    campaigns,
  };
}
