import { parseOpenSloDocuments, ResolvedSlo } from '@gogidix/plugin-slo-common';
import { OPENSLO_ANNOTATION } from '@gogidix/portal-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The demo organisation's SLOs: the OpenSLO document each demo component
 * names in its `gogidix.io/openslo` annotation, read as the SLO backend
 * reads them. A document with problems stops the loop with its path.
 */
export function readDemoSlos(servicesDir: string): ResolvedSlo[] {
  return fs
    .readdirSync(servicesDir)
    .sort()
    .flatMap(name => {
      const catalogFile = path.join(servicesDir, name, 'catalog-info.yaml');
      if (!fs.existsSync(catalogFile)) return [];
      const component = parseAllDocuments(fs.readFileSync(catalogFile, 'utf8'))
        .map(d => d.toJS())
        .find(e => e?.kind === 'Component');
      const reference = component?.metadata?.annotations?.[OPENSLO_ANNOTATION];
      if (typeof reference !== 'string') return [];
      const file = path.join(servicesDir, name, reference);
      const { slos, problems } = parseOpenSloDocuments(
        fs.readFileSync(file, 'utf8'),
        file,
      );
      if (problems.length > 0) {
        throw new Error(
          `${file}: ${problems.map(p => `${p.path}: ${p.message}`).join('; ')}`,
        );
      }
      return slos;
    });
}
