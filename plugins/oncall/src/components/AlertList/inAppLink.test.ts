import { inAppLink } from './inAppLink';

describe('inAppLink', () => {
  it.each([
    [
      'http://localhost:3000/runbooks/default/component/a/b',
      'http://localhost:3000',
      '/runbooks/default/component/a/b',
    ],
    [
      'https://portal.gogidix.dev/portal/runbooks/x',
      'https://portal.gogidix.dev/portal/',
      '/portal/runbooks/x',
    ],
    [
      'https://wiki.gogidix.dev/runbooks/x',
      'http://localhost:3000',
      'https://wiki.gogidix.dev/runbooks/x',
    ],
    [
      'http://localhost:30001/x',
      'http://localhost:3000',
      'http://localhost:30001/x',
    ],
    ['/runbooks/a', 'http://localhost:3000', '/runbooks/a'],
  ])('%s on %s -> %s', (url, base, expected) => {
    expect(inAppLink(url, base)).toBe(expected);
  });
});
