import { ParsedOpenSlo } from '@gogidix/plugin-slo-common';

/**
 * The SLOs of one component among those of an OpenSLO document that several
 * components may name in `gogidix.io/openslo` (a monorepo's shared file, a
 * multi-document file). An SLO belongs to the component its `spec.service`
 * names. When it names none of the components reading the document, it
 * belongs to the one whose annotation names the document, if that is only
 * one; with several, it belongs to none of them and each is told why.
 * A problem in an SLO of another component sharing the document is left
 * to that component.
 *
 * `readers` are the names of every component reading the document, this
 * one included.
 */
export function slosOfComponent(
  parsed: ParsedOpenSlo,
  component: string,
  readers: string[],
): ParsedOpenSlo {
  const others = [...new Set(readers)].filter(name => name !== component);
  const slos = parsed.slos.filter(
    slo =>
      slo.service === component ||
      (others.length === 0 && !readers.includes(slo.service)),
  );
  // A problem in another sharer's SLO is that component's to show and fix.
  const problems = parsed.problems.filter(
    p => p.service === undefined || !others.includes(p.service),
  );
  for (const slo of parsed.slos) {
    if (
      others.length > 0 &&
      slo.service !== component &&
      !others.includes(slo.service)
    ) {
      problems.push({
        source: slo.source,
        path: 'spec.service',
        message: `SLO "${slo.name}" names service "${
          slo.service
        }", which is none of the components sharing this document (${[
          component,
          ...others,
        ]
          .sort()
          .join(
            ', ',
          )}); set spec.service to the name of the component it belongs to`,
      });
    }
  }
  return { slos, problems };
}
