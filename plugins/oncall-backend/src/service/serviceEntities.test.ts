import { Entity } from '@backstage/catalog-model';
import { serviceEntities } from './serviceEntities';

const entity = (name: string, selector?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: selector ? { 'gogidix.io/alert-selector': selector } : {},
  },
});

describe('serviceEntities', () => {
  it('maps each service label value to the one entity that selects it', () => {
    expect(
      serviceEntities(
        [
          entity('listings-service', 'service=listings-service'),
          entity(
            'payments-service',
            'team=payments, service="payments-service"',
          ),
          entity('search-service', 'service=~search-.*'),
          entity('gateway-a', 'service=api-gateway'),
          entity('gateway-b', 'service=api-gateway'),
          entity('no-selector'),
          entity('other-label', 'app=geo'),
        ],
        'service',
      ),
    ).toEqual(
      new Map([
        ['listings-service', 'component:default/listings-service'],
        ['payments-service', 'component:default/payments-service'],
      ]),
    );
  });
});
