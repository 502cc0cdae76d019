import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { DefaultEntityPresentationApi } from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { Suspense } from 'react';
import { SWRConfig } from 'swr';
import { OwnedServices as Widget } from './OwnedServices';

// In the app, widgets render inside an extension boundary with Suspense.
const OwnedServices = () => (
  <Suspense fallback="loading">
    {/* A fresh cache of permission answers for each render. */}
    <SWRConfig value={{ provider: () => new Map() }}>
      <Widget />
    </SWRConfig>
  </Suspense>
);

function component(name: string, owner: string, tier?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: name.replace(/-/g, ' '),
      labels: tier ? { 'gogidix.io/tier': tier } : undefined,
    },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

function group(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

const entities = [
  group('engineering'),
  group('platform', 'engineering'),
  group('listings', 'engineering'),
  group('web'),
  component('api-gateway', 'group:default/platform', 'tier-0'),
  component('identity-service', 'group:default/platform'),
  component('listings-service', 'group:default/listings', 'tier-0'),
];

const jane = mockApis.identity({
  userEntityRef: 'user:default/jane.doe',
  ownershipEntityRefs: ['user:default/jane.doe', 'group:default/platform'],
});

// What the catalog plugin provides in the app: names for entity refs and
// the entity page that links point to.
const catalogPluginApis = [
  [entityPresentationApiRef, DefaultEntityPresentationApi.createLocal()],
] as const;
const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('OwnedServices', () => {
  it('shows a way forward when nobody in the user’s teams owns anything', async () => {
    await renderInTestApp(<OwnedServices />, {
      apis: [
        mockApis.identity({ ownershipEntityRefs: ['group:default/web'] }),
        catalogApiMock({ entities }),
        mockApis.permission({ authorize: AuthorizeResult.DENY }),
      ],
    });
    expect(
      await screen.findByText(/Neither you nor your teams .* own a component/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Create a service' }),
    ).toHaveAttribute('href', '/create');
    // Registering is for platform admins: the page would be a 404 here.
    expect(
      screen.queryByRole('link', { name: 'register an existing one' }),
    ).not.toBeInTheDocument();
  });

  it('offers registering an existing component to those allowed to', async () => {
    await renderInTestApp(<OwnedServices />, {
      apis: [
        mockApis.identity({ ownershipEntityRefs: ['group:default/web'] }),
        catalogApiMock({ entities }),
        mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
      ],
    });
    expect(
      await screen.findByRole('link', { name: 'register an existing one' }),
    ).toHaveAttribute('href', '/catalog-import');
  });

  it('lists the services of the teams below a department lead', async () => {
    await renderInTestApp(<OwnedServices />, {
      apis: [
        mockApis.identity({
          userEntityRef: 'user:default/amara.okafor',
          ownershipEntityRefs: [
            'user:default/amara.okafor',
            'group:default/engineering',
          ],
        }),
        catalogApiMock({ entities }),
        ...catalogPluginApis,
      ],
      mountedRoutes,
    });
    expect(await screen.findByText('api gateway')).toBeInTheDocument();
    expect(screen.getByText('identity service')).toBeInTheDocument();
    expect(screen.getByText('listings service')).toBeInTheDocument();
  });

  it('reports a catalog that cannot be reached', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
    });
    await renderInTestApp(<OwnedServices />, {
      apis: [jane, [catalogApiRef, catalogApi]],
    });
    expect(
      await screen.findByText(/Could not load your services/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/catalog is down/).length).toBeGreaterThan(0);
  });

  it('shows progress while the catalog answers', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await renderInTestApp(<OwnedServices />, {
      apis: [jane, [catalogApiRef, catalogApi]],
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('lists the components owned by the user and their teams, with tier', async () => {
    await renderInTestApp(<OwnedServices />, {
      apis: [jane, catalogApiMock({ entities }), ...catalogPluginApis],
      mountedRoutes,
    });
    expect(await screen.findByText('api gateway')).toBeInTheDocument();
    expect(screen.getByText('identity service')).toBeInTheDocument();
    expect(screen.queryByText('listings service')).not.toBeInTheDocument();
    expect(screen.getByText('tier-0')).toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
