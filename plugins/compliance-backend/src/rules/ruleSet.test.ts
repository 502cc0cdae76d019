import fs from 'node:fs';
import path from 'node:path';
import { parseRuleSet } from './ruleSet';

const defaultRules = path.join(__dirname, '../../rules/default.yaml');

const minimal = (extra = '') => `
checks:
  - id: has-owner
    title: Has an owner
    level: bronze
    description: d
    howToFix: f
    conditions:
      all:
        - { fact: catalog.owner, operator: notEqual, value: null }
${extra}`;

describe('parseRuleSet', () => {
  it('reads the shipped rules: checks, SOC 2 and ISO 27001 controls, campaigns', () => {
    const rules = parseRuleSet(
      fs.readFileSync(defaultRules, 'utf8'),
      defaultRules,
    );
    expect(rules.checks.length).toBeGreaterThanOrEqual(15);
    expect(rules.controls.map(c => c.key)).toEqual(
      expect.arrayContaining([
        'SOC 2 CC6.1',
        'SOC 2 CC7.2',
        'SOC 2 CC8.1',
        'SOC 2 A1.2',
        'ISO 27001:2022 A.5.30',
        'ISO 27001:2022 A.8.8',
        'ISO 27001:2022 A.8.9',
        'ISO 27001:2022 A.8.16',
        'ISO 27001:2022 A.8.25',
        'ISO 27001:2022 A.8.32',
      ]),
    );
    const trivy = rules.checks.find(
      c => c.id === 'no-critical-vulnerabilities',
    )!;
    expect(trivy.facts).toEqual(['trivy.critical']);
    expect(trivy.controls).toEqual(['SOC 2 CC7.1', 'ISO 27001:2022 A.8.8']);
    // Every shipped check says why it fails in words, not engine terms.
    expect(rules.checks.filter(c => !c.whenFailing).map(c => c.id)).toEqual([]);
    expect(rules.campaigns.map(c => c.id)).toEqual([
      'trivy-everywhere',
      'runbooks-for-all',
    ]);
  });

  it('collects the facts of nested any / all / not conditions', () => {
    const rules = parseRuleSet(
      minimal().replace(
        '- { fact: catalog.owner, operator: notEqual, value: null }',
        `- any:
            - { fact: catalog.tier, operator: equal, value: tier-3 }
            - not: { fact: slo.defined, operator: equal, value: false }`,
      ),
      'rules.yaml',
    );
    expect(rules.checks[0].facts).toEqual(['catalog.tier', 'slo.defined']);
  });

  it.each([
    ['not YAML', 'checks: [', /rules.yaml is not valid YAML/],
    ['no checks', 'controls: []', /checks: .*expected array/i],
    [
      'an unknown level',
      minimal().replace('level: bronze', 'level: platinum'),
      /checks\.0\.level/,
    ],
    [
      'an operator json-rules-engine lacks',
      minimal().replace('operator: notEqual', 'operator: matches'),
      /checks\.0\.conditions/,
    ],
    [
      'a misspelt field',
      minimal().replace('howToFix: f', 'howtofix: f'),
      /checks\.0.*howtofix/s,
    ],
    [
      'a duplicate check',
      `${minimal()}${minimal().replace('checks:\n', '')}`,
      /checks\.1\.id: "has-owner" is declared twice/,
    ],
    [
      'a control naming an unknown check',
      minimal(`controls:
  - { framework: SOC 2, id: CC6.1, title: t, checks: [has-owner, mtls] }`),
      /controls\.0\.checks\.1: no check "mtls"/,
    ],
    [
      'a campaign owned by a user',
      minimal(`campaigns:
  - { id: c, title: t, owner: user:default/jane, deadline: '2027-01-01', checks: [has-owner] }`),
      /campaigns\.0\.owner: must be a group ref/,
    ],
    [
      'a whenFailing sentence naming a fact the check does not read',
      minimal().replace(
        'howToFix: f',
        "howToFix: f\n    whenFailing: 'Owned by {catalog.team}.'",
      ),
      /checks\.0\.whenFailing: \{catalog\.team\} is not a fact the check's conditions read \(catalog\.owner\)/,
    ],
    [
      'a campaign deadline that is no date',
      minimal(`campaigns:
  - { id: c, title: t, owner: group:default/sre, deadline: soon, checks: [has-owner] }`),
      /campaigns\.0\.deadline: use YYYY-MM-DD/,
    ],
  ])('refuses %s, naming the field', (_, text, message) => {
    expect(() => parseRuleSet(text, 'rules.yaml')).toThrow(message);
  });

  it('accepts a check on a fact no retriever provides (it errors when evaluated)', () => {
    const rules = parseRuleSet(
      minimal().replace('catalog.owner', 'catalog.costCentre'),
      'rules.yaml',
    );
    expect(rules.checks[0].facts).toEqual(['catalog.costCentre']);
  });
});
