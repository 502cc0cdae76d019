import { jaegerSearchUrl, kibanaDiscoverUrl } from './observabilityLinks';

describe('kibanaDiscoverUrl', () => {
  it('puts the KQL query into Discover’s app state as a Rison string', () => {
    const url = kibanaDiscoverUrl(
      'https://logs.gogidix.dev/',
      'service.name:"listings-service"',
    );
    expect(url.startsWith('https://logs.gogidix.dev/app/discover#/?')).toBe(
      true,
    );
    const params = new URLSearchParams(url.split('#/?')[1]);
    expect(params.get('_a')).toBe(
      `(query:(language:kuery,query:'service.name:"listings-service"'))`,
    );
    expect(params.get('_g')).toBe('(time:(from:now-1h,to:now))');
  });

  it('escapes quotes and bangs the Rison way', () => {
    const params = new URLSearchParams(
      kibanaDiscoverUrl('http://k', "msg:'boom!'").split('#/?')[1],
    );
    expect(params.get('_a')).toBe(
      `(query:(language:kuery,query:'msg:!'boom!!!''))`,
    );
  });
});

describe('jaegerSearchUrl', () => {
  it('searches the service’s traces', () => {
    expect(
      jaegerSearchUrl('https://traces.gogidix.dev', 'payments-service'),
    ).toBe(
      'https://traces.gogidix.dev/search?service=payments-service&lookback=1h&limit=20',
    );
  });
});
