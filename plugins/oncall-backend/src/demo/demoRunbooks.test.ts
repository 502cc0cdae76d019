import { Entity } from '@backstage/catalog-model';
import { parseOpenSloDocuments } from '@gogidix/plugin-slo-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { GENERATED_MARK, sloAlerts, sloRunbookMarkdown } from './sloRunbook';

/**
 * Every SLO of the demo organisation has a runbook, and every runbook names
 * the alerts the portal's rule generator makes for its SLO. Runbooks nobody
 * wrote are generated: run this test with GOGIDIX_WRITE_RUNBOOKS=1 to write
 * missing and out-of-date ones (e.g. after the rule generator names alerts
 * differently); a runbook people wrote (no GENERATED_MARK) is never touched.
 */
const SERVICES = path.resolve(__dirname, '../../../../demo/services');
const WRITE = process.env.GOGIDIX_WRITE_RUNBOOKS === '1';

interface SloRunbookCase {
  service: string;
  slo: string;
  file: string;
  expected: string;
  alerts: string[];
}

function demoSloRunbooks(): SloRunbookCase[] {
  return fs.readdirSync(SERVICES).flatMap(folder => {
    const dir = path.join(SERVICES, folder);
    const catalogFile = path.join(dir, 'catalog-info.yaml');
    if (!fs.existsSync(catalogFile)) return [];
    const components = parseAllDocuments(fs.readFileSync(catalogFile, 'utf8'))
      .map(doc => doc.toJS() as Entity)
      .filter(e => e.kind === 'Component');
    return components.flatMap(component => {
      const annotations = component.metadata.annotations ?? {};
      const openSlo = annotations['gogidix.io/openslo'];
      const runbooks = annotations['gogidix.io/runbooks'];
      if (!openSlo || !runbooks) return [];
      const source = path.join(dir, openSlo);
      const { slos, problems } = parseOpenSloDocuments(
        fs.readFileSync(source, 'utf8'),
        source,
      );
      if (problems.length) {
        throw new Error(`${source}: ${JSON.stringify(problems)}`);
      }
      const spec = component.spec as { owner: string; dependsOn?: string[] };
      return slos.map(slo => ({
        service: component.metadata.name,
        slo: slo.name,
        file: path.join(dir, runbooks, `${slo.runbook}.md`),
        alerts: [
          ...new Set(sloAlerts(slo, component.metadata.name).map(a => a.name)),
        ],
        expected: sloRunbookMarkdown(slo, {
          name: component.metadata.name,
          title: component.metadata.title ?? component.metadata.name,
          team: spec.owner.replace(/^group:/, '').replace(/^[^/]*\//, ''),
          namespace: annotations['backstage.io/kubernetes-namespace'],
          dependsOn: spec.dependsOn ?? [],
          openSloPath: path.posix.normalize(openSlo),
        }),
      }));
    });
  });
}

describe('the demo organisation’s runbooks', () => {
  const cases = demoSloRunbooks();

  it('finds the demo SLOs', () => {
    // Every demo service with an OpenSLO document has at least one SLO.
    expect(cases.length).toBeGreaterThanOrEqual(
      new Set(cases.map(c => c.service)).size,
    );
    expect(new Set(cases.map(c => c.service)).size).toBeGreaterThan(10);
  });

  it('has a runbook for every SLO, naming its alerts; generated ones are up to date', () => {
    const problems: string[] = [];
    for (const c of cases) {
      const where = `${path.relative(SERVICES, c.file)} (${c.service}/${
        c.slo
      })`;
      const current = fs.existsSync(c.file)
        ? fs.readFileSync(c.file, 'utf8')
        : undefined;
      const generated =
        current === undefined || current.includes(GENERATED_MARK);
      if (generated && current !== c.expected) {
        if (WRITE) {
          fs.mkdirSync(path.dirname(c.file), { recursive: true });
          fs.writeFileSync(c.file, c.expected);
        } else {
          problems.push(
            `${where}: ${
              current === undefined ? 'missing' : 'out of date'
            }; run this test with GOGIDIX_WRITE_RUNBOOKS=1`,
          );
        }
        continue;
      }
      const missing = c.alerts.filter(alert => !current!.includes(alert));
      if (missing.length) {
        problems.push(`${where}: does not name ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
