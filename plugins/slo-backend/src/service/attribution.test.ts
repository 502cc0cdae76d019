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

  it("leaves a problem in another sharing component's SLO to that component", () => {
    // A Datadog SLO of checkout-worker, as parseOpenSloDocuments reports it.
    const datadog = {
      source: 'test',
      path: 'spec.indicator.spec.ratioMetric.good.metricSource.type',
      message:
        'SLO queue-age: data source type Datadog is not supported; only Prometheus',
      service: 'checkout-worker',
    };
    const ofNobody = { ...datadog, service: 'checkout' };
    const parsed = { ...document, problems: [datadog, ofNobody] };
    const readers = ['checkout-api', 'checkout-worker'];
    expect(slosOfComponent(parsed, 'checkout-api', readers).problems).toEqual([
      ofNobody,
      expect.objectContaining({ path: 'spec.service' }),
    ]);
    expect(
      slosOfComponent(parsed, 'checkout-worker', readers).problems,
    ).toEqual([
      datadog,
      ofNobody,
      expect.objectContaining({ path: 'spec.service' }),
    ]);
    // A document of its own keeps every problem.
    expect(
      slosOfComponent(parsed, 'checkout-api', ['checkout-api']).problems,
    ).toEqual([datadog, ofNobody]);
  });

  it("keeps the document's own problems", () => {
    const problem = { source: 'x', path: 'spec.target', message: 'bad' };
    expect(
      slosOfComponent({ slos: [], problems: [problem] }, 'a', ['a']).problems,
    ).toEqual([problem]);
  });
});
