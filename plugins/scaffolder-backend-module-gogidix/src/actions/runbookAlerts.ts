import {
  generateSlothRules,
  parseOpenSloDocuments,
} from '@gogidix/plugin-slo-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a platform runbook names its alerts. Plain `{{…}}` is not the
 * template's syntax (`${{ … }}`), so it survives rendering untouched.
 */
export const RUNBOOK_ALERTS_PLACEHOLDER = '{{sloAlerts}}';

/**
 * Writes into each rendered runbook the names of the alerts that the rules
 * generated from the rendered OpenSLO document fire (as gogidix:slo:rules
 * generates them), so a page and its runbook always agree.
 */
export async function nameRunbookAlerts(
  dir: string,
  service: string,
): Promise<void> {
  const source = 'slo/openslo.yaml';
  const text = await fs
    .readFile(path.join(dir, source), 'utf8')
    .catch(() => undefined);
  if (text === undefined) return;
  for (const slo of parseOpenSloDocuments(text, source).slos) {
    const file = path.join(dir, 'docs/runbooks', `${slo.runbook}.md`);
    const markdown = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (markdown === undefined) continue;
    const names = [
      ...new Set(
        generateSlothRules(slo, { service })
          .groups.flatMap(group => group.rules)
          .flatMap(rule => ('alert' in rule ? [rule.alert] : [])),
      ),
    ];
    await fs.writeFile(
      file,
      markdown
        .split(RUNBOOK_ALERTS_PLACEHOLDER)
        .join(names.map(name => `\`${name}\``).join(', ')),
    );
  }
}
