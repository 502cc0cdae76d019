import { Entity } from '@backstage/catalog-model';
import { serviceEntities } from './serviceEntities';

const entity = (name: string, namespace = 'default'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace },
});

describe('serviceEntities', () => {
  it('maps each service to the one entity of that name, whatever its selector says', () => {
    expect(
      serviceEntities([
        entity('listings-service'),
        entity('payments-service'),
        entity('api-gateway'),
        entity('api-gateway', 'staging'),
      ]),
    ).toEqual(
      new Map([
        ['listings-service', 'component:default/listings-service'],
        ['payments-service', 'component:default/payments-service'],
      ]),
    );
  });
});
