import { runCommand } from '@gogidix/infra-validation';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import {
  generateSlothRules,
  parseOpenSloDocuments,
} from '@gogidix/plugin-slo-common';
import { OPENSLO_ANNOTATION } from '@gogidix/portal-common';

const servicesDir = join(__dirname, '../../../../demo/services');

describe('the demo OpenSLO documents', () => {
  const annotated = readdirSync(servicesDir).flatMap(name => {
    const catalog = parseAllDocuments(
      readFileSync(join(servicesDir, name, 'catalog-info.yaml'), 'utf8'),
    ).map(d => d.toJS());
    const component = catalog.find(e => e.kind === 'Component');
    const reference = component?.metadata?.annotations?.[OPENSLO_ANNOTATION];
    return reference ? [{ name, reference: reference as string }] : [];
  });

  it('exist for every component that names one, and parse without problems', () => {
    expect(annotated.length).toBeGreaterThan(15);
    for (const { name, reference } of annotated) {
      const path = join(servicesDir, name, reference);
      const { slos, problems } = parseOpenSloDocuments(
        readFileSync(path, 'utf8'),
        path,
      );
      expect({ name, problems }).toEqual({ name, problems: [] });
      expect(slos.length).toBeGreaterThan(0);
      expect(slos.every(s => s.service === name)).toBe(true);
    }
  });

  it('turn into rules that promtool accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slo-demo-rules-'));
    try {
      const groups = annotated.flatMap(({ name, reference }) => {
        const path = join(servicesDir, name, reference);
        return parseOpenSloDocuments(
          readFileSync(path, 'utf8'),
          path,
        ).slos.flatMap(
          slo => generateSlothRules(slo, { service: name }).groups,
        );
      });
      writeFileSync(join(dir, 'rules.yaml'), stringify({ groups }));
      const { stdout: output } = await runCommand(
        process.env.PORTAL_PROMTOOL ?? 'promtool',
        ['check', 'rules', join(dir, 'rules.yaml')],
      );
      expect(output).toContain('SUCCESS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
