import { Evidence, FactValue } from '@gogidix/plugin-compliance-common';
import { CheckEvaluator } from './CheckEvaluator';
import { parseRuleSet } from './ruleSet';

const rules = parseRuleSet(
  `
checks:
  - id: no-critical
    title: No critical vulnerabilities
    level: silver
    description: d
    howToFix: f
    conditions:
      all:
        - { fact: trivy.critical, operator: equal, value: 0 }
  - id: on-call
    title: On-call for tier-0/1
    level: silver
    description: d
    howToFix: f
    conditions:
      any:
        - { fact: catalog.tier, operator: in, value: [tier-2, tier-3] }
        - { fact: catalog.pagerduty, operator: equal, value: true }
  - id: limits-and-probes
    title: Limits and probes
    level: silver
    description: d
    howToFix: f
    whenFailing: 'The Helm values lack limits or probes (limits: {repo.helmResourceLimits}, probes: {repo.helmProbes}).'
    conditions:
      all:
        - { fact: repo.helmResourceLimits, operator: equal, value: true }
        - { fact: repo.helmProbes, operator: equal, value: true }
  - id: cost-centre
    title: Cost centre
    level: bronze
    description: d
    howToFix: f
    conditions:
      all:
        - { fact: catalog.costCentre, operator: notEqual, value: null }
`,
  'test',
);

const known = new Set([
  'trivy.critical',
  'catalog.tier',
  'catalog.pagerduty',
  'repo.helmResourceLimits',
  'repo.helmProbes',
]);

const fact = (factId: string, value: FactValue, error?: string): Evidence => ({
  factId,
  value,
  source: 'test',
  collectedAt: '2026-11-27T09:00:00.000Z',
  ...(error ? { error } : {}),
});

async function evaluate(facts: Evidence[]) {
  const evaluator = new CheckEvaluator(rules, known);
  const outcomes = await evaluator.evaluate(
    new Map(facts.map(f => [f.factId, f])),
  );
  return new Map(outcomes.map(o => [o.checkId, o]));
}

const healthy = [
  fact('trivy.critical', 0),
  fact('catalog.tier', 'tier-0'),
  fact('catalog.pagerduty', true),
  fact('repo.helmResourceLimits', true),
  fact('repo.helmProbes', true),
];

const replace = (f: Evidence) => [
  ...healthy.filter(h => h.factId !== f.factId),
  f,
];

describe('CheckEvaluator', () => {
  it.each([
    ['no-critical', healthy, 'pass', undefined],
    [
      'no-critical',
      replace(fact('trivy.critical', 2)),
      'fail',
      'trivy.critical is 2, needs equal 0',
    ],
    [
      'no-critical',
      replace(fact('trivy.critical', null)),
      'fail',
      'trivy.critical is null, needs equal 0',
    ],
    [
      'no-critical',
      replace(fact('trivy.critical', null, 'SchemaVersion must be 2')),
      'error',
      'Could not be checked: SchemaVersion must be 2',
    ],
    [
      'no-critical',
      healthy.filter(f => f.factId !== 'trivy.critical'),
      'error',
      'Could not be checked: trivy.critical was not collected for this entity',
    ],
    [
      'on-call',
      replace(fact('catalog.pagerduty', false)),
      'fail',
      'catalog.tier is "tier-0", needs in ["tier-2","tier-3"] or catalog.pagerduty is false, needs equal true',
    ],
    [
      'on-call',
      [
        ...replace(fact('catalog.pagerduty', false)),
        fact('catalog.tier', 'tier-3'),
      ],
      'pass',
      undefined,
    ],
    [
      'limits-and-probes',
      replace(fact('repo.helmProbes', false)),
      'fail',
      'The Helm values lack limits or probes (limits: yes, probes: no).',
    ],
    [
      'no-critical',
      replace({
        ...fact('trivy.critical', null),
        pending: 'waiting for the first scan',
      }),
      'pending',
      'waiting for the first scan',
    ],
  ])('%s over %j is %s', async (checkId, facts, status, reason) => {
    const outcome = (await evaluate(facts)).get(checkId)!;
    expect(outcome.status).toBe(status);
    expect(outcome.reason).toBe(reason);
  });

  it('reports a check on an unknown fact as an error and still evaluates the others', async () => {
    const outcomes = await evaluate(healthy);
    expect(outcomes.get('cost-centre')).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(
        /^refers to unknown fact catalog\.costCentre; known facts: catalog\.pagerduty, /,
      ),
    });
    expect(outcomes.get('no-critical')!.status).toBe('pass');
    expect(new CheckEvaluator(rules, known).unknownFactReferences()).toEqual([
      { checkId: 'cost-centre', facts: ['catalog.costCentre'] },
    ]);
  });

  it('keeps the facts it read as evidence', async () => {
    const outcome = (await evaluate(healthy)).get('limits-and-probes')!;
    expect(outcome.evidence.map(e => [e.factId, e.value])).toEqual([
      ['repo.helmProbes', true],
      ['repo.helmResourceLimits', true],
    ]);
  });
});
