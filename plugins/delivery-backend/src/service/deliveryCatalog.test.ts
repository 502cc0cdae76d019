import { component } from '../__testUtils__/catalog';
import { deliveryTargetsOf } from './deliveryCatalog';

const GITHUB = 'github.com/project-slug';
const GITLAB = 'gitlab.com/project-slug';
const PAGERDUTY = 'pagerduty.com/service-id';

describe('deliveryTargetsOf', () => {
  const entities = [
    component('payments', 'payments', {
      [GITHUB]: 'Gogidix/Payments',
      [PAGERDUTY]: 'PPAY001',
    }),
    // Another owner claims payments' repository, in another case.
    component('thief', 'search', { [GITHUB]: 'gogidix/payments' }),
    // One owner's two components share a project: the first ref gets it.
    component('search-b', 'search', { [GITLAB]: 'search/search' }),
    component('search-a', 'search', { [GITLAB]: 'search/search' }),
    component('search', 'search', {}, 'other'),
    component('search', 'search'),
  ];

  it('reads a value only for its one owner', () => {
    const targets = deliveryTargetsOf(entities, []);
    expect([...targets.github]).toEqual([]);
    expect([...targets.gitlab]).toEqual([
      ['search/search', 'component:default/search-a'],
    ]);
    expect([...targets.pagerDuty]).toEqual([
      ['PPAY001', 'component:default/payments'],
    ]);
    const payments = targets.components.find(c => c.name === 'payments')!;
    expect(payments.team).toBe('group:default/payments');
    expect(payments.conflicts).toEqual([
      expect.stringMatching(
        /github.com\/project-slug "gogidix\/payments" is claimed by component:default\/payments \(group:default\/payments\) and component:default\/thief/,
      ),
    ]);
  });

  it('gives a contested value to the holder gogidix.claims names', () => {
    const targets = deliveryTargetsOf(entities, [
      {
        annotation: GITHUB,
        value: 'gogidix/payments',
        owner: 'group:default/payments',
      },
    ]);
    expect([...targets.github]).toEqual([
      ['gogidix/payments', 'component:default/payments'],
    ]);
    expect(targets.components.find(c => c.name === 'thief')!.conflicts).toEqual(
      [expect.stringMatching(/belongs to group:default\/payments/)],
    );
  });

  it('maps an alert service name only when one component has it', () => {
    const targets = deliveryTargetsOf(entities, []);
    expect(targets.serviceNames.get('payments')).toBe(
      'component:default/payments',
    );
    expect(targets.serviceNames.has('search')).toBe(false);
  });
});
