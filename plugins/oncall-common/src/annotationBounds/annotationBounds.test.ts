import { Entity } from '@backstage/catalog-model';
import { AlertMatcher, boundAlertMatchers } from './alertMatchers';
import { ClaimBook, claimsOf, parseClaimResolutions } from './claims';
import { ownerNameOf, ownerRefOf } from './ownership';
import { inSameRepository, repositoryOf } from './repository';
import { vaultPathVerdict } from './vaultPaths';

const entity = (
  name: string,
  owner: string | undefined,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: owner ? { owner } : {},
});

describe('ownerRefOf', () => {
  it.each([
    ['payments', 'group:default/payments'],
    ['Group:default/Payments', 'group:default/payments'],
    ['user:default/jane.doe', 'user:default/jane.doe'],
    [undefined, undefined],
  ])('%s is %s', (owner, ref) => {
    expect(ownerRefOf(entity('x', owner))).toBe(ref);
  });

  it('names the team by the group name', () => {
    expect(ownerNameOf(entity('x', 'group:default/payments'))).toBe('payments');
  });
});

describe('repositoryOf and inSameRepository', () => {
  it.each([
    ['https://github.com/Acme/Pay/tree/main/docs', 'github.com/acme/pay'],
    ['https://github.com/acme/pay.git', 'github.com/acme/pay'],
    ['https://gitlab.com/a/b/c/-/tree/main/x', 'gitlab.com/a/b/c'],
    [
      'https://git.portal.localhost/platform/svc/blob/main/catalog-info.yaml',
      'git.portal.localhost/platform/svc',
    ],
    [
      'https://git.gogidix.dev/payments/payments-service/',
      'git.gogidix.dev/payments/payments-service',
    ],
    ['file:/etc/passwd', undefined],
    ['not a url', undefined],
  ])('%s is in %s', (url, repository) => {
    expect(repositoryOf(url)).toBe(repository);
  });

  it.each([
    // a folder of the same repository, another branch too
    ['https://github.com/acme/pay/tree/main/docs/runbooks', true],
    ['https://github.com/acme/pay/tree/release/docs', true],
    // another team's repository, another host, a path trick
    ['https://github.com/acme/ledger/tree/main/docs', false],
    ['https://github.example.com/acme/pay/tree/main/docs', false],
    ['https://github.com/acme/pay/../ledger/tree/main', false],
    ['https://github.com/acme/payx/tree/main', false],
  ])('%s beside the catalog file: %s', (url, same) => {
    expect(
      inSameRepository(
        url,
        'https://github.com/acme/pay/blob/main/catalog-info.yaml',
      ),
    ).toBe(same);
  });
});

describe('boundAlertMatchers', () => {
  const bound = {
    serviceLabel: 'service',
    service: 'payments-service',
    annotation: 'gogidix.io/alert-selector',
  };
  const m = (
    label: string,
    operator: AlertMatcher['operator'],
    value: string,
  ): AlertMatcher => ({ label, operator, value });
  const own = m('service', '=', 'payments-service');

  it.each([
    ['the own service', [own], [own]],
    ['nothing: still bound', [], [own]],
    [
      'narrowing terms',
      [own, m('severity', '=~', 'critical|page'), m('service', '!=', 'x')],
      [own, m('severity', '=~', 'critical|page'), m('service', '!=', 'x')],
    ],
    ['another label only', [m('team', '=', 'qa')], [own, m('team', '=', 'qa')]],
  ])('keeps %s', (_, terms, matchers) => {
    expect(boundAlertMatchers(terms, bound)).toEqual({
      status: 'bound',
      matchers,
    });
  });

  it.each([
    ['every service', [m('service', '=~', '.+')], /=~.*remove that term/],
    ['a negative regex', [m('service', '!~', 'x')], /!~/],
    [
      "another team's service",
      [m('service', '=', 'ledger')],
      /service="ledger".*set it to "payments-service"/,
    ],
  ])('refuses %s, naming the annotation', (_, terms, reason) => {
    const verdict = boundAlertMatchers(terms, bound);
    expect(verdict.status).toBe('refused');
    expect(verdict.status === 'refused' && verdict.reason).toMatch(reason);
    expect(verdict.status === 'refused' && verdict.reason).toMatch(
      /^gogidix\.io\/alert-selector/,
    );
  });
});

describe('vaultPathVerdict', () => {
  it.each([
    ['payments/payments-service', '{team}/', 'allowed'],
    ['payments', '{team}/', 'allowed'],
    ['/payments/x/', '{team}/', 'allowed'],
    ['listings/listings-service', '{team}/', 'refused'],
    ['payments-old/x', '{team}/', 'refused'],
    ['', '{team}/', 'refused'],
    ['teams/payments/x', 'teams/{team}/', 'allowed'],
    ['payments/x', 'teams/{team}/', 'refused'],
  ])('%s under %s is %s for payments', (path, prefixTemplate, status) => {
    expect(
      vaultPathVerdict(path, { team: 'payments', prefixTemplate }).status,
    ).toBe(status);
  });

  it('refuses every path of an entity without an owner', () => {
    expect(
      vaultPathVerdict('payments/x', {
        team: undefined,
        prefixTemplate: '{team}/',
      }),
    ).toMatchObject({ status: 'refused', reason: /spec\.owner/ });
  });
});

describe('ClaimBook', () => {
  const PD = 'pagerduty.com/service-id';
  const claims = [
    entity('payments-service', 'payments', { [PD]: 'P1' }),
    entity('billing-ledger', 'payments', { [PD]: 'P1' }),
    entity('hostile', 'platform', { [PD]: 'P2' }),
    entity('ledger-copy', 'payments', { [PD]: 'P2' }),
    entity('orphan', undefined, { [PD]: 'P3' }),
  ].flatMap(e => claimsOf(e, [PD]));

  it('lets one owner hold a value claimed by several of its entities', () => {
    expect(
      new ClaimBook(claims).verdict(PD, 'P1', 'group:default/payments'),
    ).toEqual({ status: 'held' });
  });

  it('makes a value two owners claim contested for both, naming both', () => {
    const book = new ClaimBook(claims);
    for (const owner of ['group:default/payments', 'group:default/platform']) {
      const verdict = book.verdict(PD, 'P2', owner);
      expect(verdict).toMatchObject({
        status: 'contested',
        claimants: [
          {
            entityRef: 'component:default/hostile',
            owner: 'group:default/platform',
          },
          {
            entityRef: 'component:default/ledger-copy',
            owner: 'group:default/payments',
          },
        ],
      });
    }
    expect(book.contested().map(c => c.value)).toEqual(['P2']);
  });

  it('lets config name the holder, and overrules the others', () => {
    const book = new ClaimBook(
      claims,
      parseClaimResolutions([
        { annotation: PD, value: 'P2', owner: 'group:default/Payments' },
      ]),
    );
    expect(book.verdict(PD, 'P2', 'group:default/payments')).toEqual({
      status: 'held',
    });
    expect(book.verdict(PD, 'P2', 'group:default/platform')).toMatchObject({
      status: 'overruled',
      holder: 'group:default/payments',
    });
  });

  it('ignores the claims of an entity without an owner', () => {
    expect(claims.map(c => c.value)).not.toContain('P3');
  });

  it.each([
    [[{ annotation: PD, value: 'P2', owner: 'payments' }], /full entity ref/],
    [
      [
        { annotation: PD, value: 'P2', owner: 'group:default/a' },
        { annotation: PD, value: 'P2', owner: 'group:default/b' },
      ],
      /twice/,
    ],
  ])('refuses a config that is not clear: %j', (entries, message) => {
    expect(() => parseClaimResolutions(entries)).toThrow(message);
  });
});
