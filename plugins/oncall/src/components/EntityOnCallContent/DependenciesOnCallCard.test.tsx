import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { onCallApiRef } from '../../apiRef';
import { backendError, mockOnCallApi } from '../../__testUtils__/onCallApi';
import {
  componentDependencies,
  DependenciesOnCallCard,
} from './DependenciesOnCallCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'api-gateway', namespace: 'default' },
  spec: { type: 'service', owner: 'platform', lifecycle: 'production' },
  relations: [
    { type: 'dependsOn', targetRef: 'component:default/listings-service' },
    { type: 'dependsOn', targetRef: 'resource:default/redis-cache' },
    { type: 'dependsOn', targetRef: 'component:default/identity-service' },
    { type: 'dependsOn', targetRef: 'component:default/search-service' },
    { type: 'ownedBy', targetRef: 'group:default/platform' },
  ],
};

describe('DependenciesOnCallCard', () => {
  it('lists the components depended on, not resources, in name order', () => {
    expect(componentDependencies(entity)).toEqual([
      'component:default/identity-service',
      'component:default/listings-service',
      'component:default/search-service',
    ]);
  });

  it('says who is on call for each, or why it cannot', async () => {
    const api = mockOnCallApi();
    const refused = await backendError(
      503,
      'ServiceUnavailableError',
      'PagerDuty at https://api.pagerduty.com is unreachable',
    );
    api.serviceOnCall.mockImplementation(async ref => {
      if (ref === 'component:default/listings-service') {
        return {
          status: 'ok',
          service: { id: 'PL7M2RD', name: 'Listings Service', url: 'x' },
          escalationPolicy: { id: 'P1', name: 'Listings – primary' },
          now: [{ user: 'Kwame Mensah', start: null, end: null }],
          incidents: [
            {
              id: 'Q1',
              number: 1,
              title: 'ListingsServiceAvailabilityErrorBudgetBurn',
              status: 'triggered',
              urgency: 'high',
              createdAt: '2026-12-07T05:00:00Z',
              url: 'x',
              assignees: ['Kwame Mensah'],
            },
          ],
        };
      }
      if (ref === 'component:default/search-service') throw refused;
      return {
        status: 'not-configured',
        configKey: 'metadata.annotations["pagerduty.com/service-id"]',
      };
    });
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <DependenciesOnCallCard />
      </EntityProvider>,
      { apis: [[onCallApiRef, api]] },
    );
    expect(
      await screen.findByText('Kwame Mensah on call · 1 open incident'),
    ).toBeInTheDocument();
    expect(screen.getByText('No PagerDuty service')).toBeInTheDocument();
    expect(
      screen.getByText('PagerDuty at https://api.pagerduty.com is unreachable'),
    ).toBeInTheDocument();
    expect(
      screen
        .getByRole('link', { name: 'listings-service' })
        .getAttribute('href'),
    ).toBe('/catalog/default/component/listings-service/on-call');
    expect(screen.queryByText('redis-cache')).not.toBeInTheDocument();
  });
});
