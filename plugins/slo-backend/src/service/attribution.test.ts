import { ParsedOpenSlo } from '@gogidix/plugin-slo-common';
import { ratioSlo } from '../__testUtils__/fixtures';
import { slosOfComponent } from './attribution';

const document: ParsedOpenSlo = {
  slos: [
    ratioSlo('checkout-api', 'availability'),
    ratioSlo('checkout-worker', 'freshness'),
    ratioSlo('checkout', 'latency'),
  ],
  problems: [],
};

const ids = (parsed: ParsedOpenSlo) => parsed.slos.map(s => s.id);

describe('slosOfComponent', () => {
  it.each<[string, string, string[], string[]]>([
    [
      'a document of its own: every SLO, whatever service it names',
      'checkout-api',
      ['checkout-api'],
      [
        'checkout-api-availability',
        'checkout-worker-freshness',
        'checkout-latency',
      ],
    ],
    [
      'shared: only the SLOs whose spec.service names it',
      'checkout-api',
      ['checkout-api', 'checkout-worker'],
      ['checkout-api-availability'],
    ],
    [
      'shared, read by the other component',
      'checkout-worker',
      ['checkout-api', 'checkout-worker'],
      ['checkout-worker-freshness'],
    ],
    [
      'shared with a component named by none of the SLOs',
      'checkout-docs',
      ['checkout-api', 'checkout-docs'],
      [],
    ],
    [
      'read by the same component twice is still its own',
      'checkout',
      ['checkout', 'checkout'],
      [
        'checkout-api-availability',
        'checkout-worker-freshness',
        'checkout-latency',
      ],
    ],
  ])('%s', (_, component, readers, expected) => {
    expect(ids(slosOfComponent(document, component, readers))).toEqual(
      expected,
    );
  });

  it("says why an SLO naming none of the sharing components is nobody's", () => {
    const { problems } = slosOfComponent(document, 'checkout-api', [
      'checkout-worker',
      'checkout-api',
    ]);
    expect(problems).toEqual([
      {
        source: 'test',
        path: 'spec.service',
        message:
          'SLO "latency" names service "checkout", which is none of the components sharing this document (checkout-api, checkout-worker); set spec.service to the name of the component it belongs to',
      },
    ]);
  });

  it("keeps the document's own problems", () => {
    const problem = { source: 'x', path: 'spec.target', message: 'bad' };
    expect(
      slosOfComponent({ slos: [], problems: [problem] }, 'a', ['a']).problems,
    ).toEqual([problem]);
  });
});
