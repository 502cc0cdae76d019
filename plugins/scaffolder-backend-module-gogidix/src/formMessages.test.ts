import { TEMPLATES } from './__testUtils__/answers';
import { loadTemplate } from './__testUtils__/templates';

/** Every schema node under the template's form pages, with its path. */
function schemaNodes(
  node: unknown,
  at: string,
): Array<{ at: string; node: Record<string, unknown> }> {
  if (Array.isArray(node)) {
    return node.flatMap((child, i) => schemaNodes(child, `${at}[${i}]`));
  }
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return [
    { at, node: record },
    ...Object.entries(record).flatMap(([key, child]) =>
      schemaNodes(child, `${at}.${key}`),
    ),
  ];
}

describe('the create form speaks people’s words', () => {
  it.each(TEMPLATES)(
    '%s: every field with a pattern says its rule in a sentence (errorMessage), not as a regular expression',
    template => {
      const parameters = loadTemplate(template).spec!.parameters;
      const patterned = schemaNodes(parameters, 'parameters').filter(
        ({ at, node }) =>
          typeof node.pattern === 'string' && !at.endsWith('.errorMessage'),
      );
      expect(patterned.length).toBeGreaterThan(0);
      const missing = patterned
        .filter(({ node }) => {
          const message = (node.errorMessage as { pattern?: unknown })?.pattern;
          return (
            typeof message !== 'string' ||
            !/^[A-Z].*[.)]$/.test(message) ||
            /[\^$\\]|\[a-z/.test(message)
          );
        })
        .map(({ at }) => at);
      expect(missing).toEqual([]);
    },
  );
});
