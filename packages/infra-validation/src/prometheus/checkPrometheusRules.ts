import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import {
  CommandFailedError,
  describeEnding,
  runCommand,
} from '../command/runCommand';
import { findOnPath, isExecutable } from '../executables';
import { ValidationProblem } from '../types';

/**
 * Runs `promtool check rules` on each file. A prometheus-operator
 * PrometheusRule object is checked by its `spec` (the rule groups), as the
 * operator hands that to Prometheus. Without promtool (PROMTOOL_BINARY or on
 * PATH) nothing is checked and `skipped` says why.
 */
export async function checkPrometheusRules(
  files: Array<{ path: string; content: string }>,
): Promise<{ problems: ValidationProblem[]; skipped?: string }> {
  const promtool = await locatePromtool();
  if (!promtool) {
    return {
      problems: [],
      skipped:
        'promtool is not installed (set PROMTOOL_BINARY or install Debian\'s "prometheus" package): Prometheus rules were not checked.',
    };
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'promtool-'));
  try {
    const problems: ValidationProblem[] = [];
    for (const [index, file] of files.entries()) {
      const ruleFile = path.join(dir, `${index}-${path.basename(file.path)}`);
      await fs.promises.writeFile(ruleFile, ruleGroupsOf(file.content));
      try {
        await runCommand(promtool, ['check', 'rules', ruleFile]);
      } catch (error) {
        if (!(error instanceof CommandFailedError)) throw error;
        // Without an exit code promtool said nothing about the rules; say how
        // it ended (not where it lives: the message reaches the user).
        const output =
          error.exitCode === null
            ? `promtool ${describeEnding({ ...error, reason: undefined })}`
            : `${error.stdout}\n${error.stderr}`;
        problems.push(...parsePromtoolOutput(file.path, ruleFile, output));
      }
    }
    return { problems };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

async function locatePromtool(): Promise<string | undefined> {
  const fromEnv = process.env.PROMTOOL_BINARY;
  if (fromEnv) {
    return (await isExecutable(fromEnv)) ? fromEnv : undefined;
  }
  return findOnPath('promtool');
}

/** The text promtool should see: a PrometheusRule's spec, or the file as is. */
function ruleGroupsOf(content: string): string {
  try {
    const parsed = yaml.parse(content);
    if (parsed?.kind === 'PrometheusRule' && parsed.spec) {
      return yaml.stringify(parsed.spec);
    }
  } catch {
    // Not YAML: promtool says so in its own words.
  }
  return content;
}

/**
 * One problem per error promtool printed, named by the original path. An
 * error starts with the checked file's path; lines after it (the details of
 * a YAML error) belong to it.
 */
export function parsePromtoolOutput(
  file: string,
  checkedAs: string,
  output: string,
): ValidationProblem[] {
  const messages: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    if (!line || /^(Checking |FAILED:|SUCCESS)/.test(line)) continue;
    if (line.startsWith(checkedAs) || !messages.length) {
      messages.push(line.split(checkedAs).join(file));
    } else {
      messages[messages.length - 1] += ` ${line}`;
    }
  }
  return (messages.length ? messages : ['promtool check rules failed']).map(
    message => ({
      file,
      rule: 'promtool',
      message: `${message} (fix the rule so that \`promtool check rules\` passes)`,
    }),
  );
}
