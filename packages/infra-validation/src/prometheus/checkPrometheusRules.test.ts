import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  checkPrometheusRules,
  parsePromtoolOutput,
} from './checkPrometheusRules';

const ruleFile = (expr: string) =>
  [
    'groups:',
    '  - name: portal',
    '    rules:',
    '      - alert: PortalDown',
    `        expr: ${expr}`,
    '        for: 5m',
    '        labels: { severity: page }',
  ].join('\n');

describe('checkPrometheusRules', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  // scripts/test.sh installs Debian's prometheus package, which ships promtool.
  it.each([
    ['a plain rule file', ruleFile('up{job="portal"} == 0')],
    [
      'a PrometheusRule object',
      [
        'apiVersion: monitoring.coreos.com/v1',
        'kind: PrometheusRule',
        'metadata: { name: portal }',
        'spec:',
        ...ruleFile('up{job="portal"} == 0')
          .split('\n')
          .map(l => `  ${l}`),
      ].join('\n'),
    ],
  ])('passes %s', async (_, content) => {
    expect(
      await checkPrometheusRules([{ path: 'rules/portal.yaml', content }]),
    ).toEqual({ problems: [] });
  });

  it.each([
    ['a broken expression', ruleFile('up{job="portal" == 0'), /parse/],
    [
      'an unknown field',
      `${ruleFile('up == 0')}\n        severity: page`,
      /field severity not found/,
    ],
  ])('reports %s against the original file', async (_, content, message) => {
    const { problems, skipped } = await checkPrometheusRules([
      { path: 'ok.yaml', content: ruleFile('up == 0') },
      { path: 'rules/portal.yaml', content },
    ]);
    expect(skipped).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toEqual({
        file: 'rules/portal.yaml',
        rule: 'promtool',
        message: expect.stringMatching(message),
      });
    }
  });

  it('says how promtool ended when it was killed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'killed-promtool-'));
    process.env.PROMTOOL_BINARY = path.join(dir, 'promtool');
    fs.writeFileSync(
      process.env.PROMTOOL_BINARY,
      '#!/bin/sh\nkill -KILL $$\n',
      {
        mode: 0o755,
      },
    );
    try {
      expect(
        await checkPrometheusRules([
          { path: 'a.yaml', content: ruleFile('up') },
        ]),
      ).toEqual({
        problems: [
          expect.objectContaining({
            message: expect.stringMatching(/^promtool was killed by SIGKILL/),
          }),
        ],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips, saying why, when promtool is not installed', async () => {
    process.env.PROMTOOL_BINARY = path.join(__dirname, 'no-such-promtool');
    expect(
      await checkPrometheusRules([{ path: 'a.yaml', content: ruleFile('up') }]),
    ).toEqual({
      problems: [],
      skipped: expect.stringMatching(/promtool is not installed/),
    });
  });
});

describe('parsePromtoolOutput', () => {
  it.each([
    [
      'a failure line',
      'Checking /tmp/x/0-a.yaml\n  FAILED:\n/tmp/x/0-a.yaml: 5:15: group "portal", rule 1: bad\n',
      ['rules/a.yaml: 5:15: group "portal", rule 1: bad'],
    ],
    [
      'a YAML error over two lines',
      '/tmp/x/0-a.yaml: yaml: unmarshal errors:\n  line 8: field severity not found\n',
      [
        'rules/a.yaml: yaml: unmarshal errors: line 8: field severity not found',
      ],
    ],
    ['no lines at all', '', ['promtool check rules failed']],
  ])('reads %s', (_, output, messages) => {
    expect(
      parsePromtoolOutput('rules/a.yaml', '/tmp/x/0-a.yaml', output).map(
        p => p.message,
      ),
    ).toEqual(
      messages.map(
        m => `${m} (fix the rule so that \`promtool check rules\` passes)`,
      ),
    );
  });
});
