import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { yourTeamsWidget } from '../teams';

const quickLinks = HomePageWidgetBlueprint.make({
  name: 'quick-links',
  params: {
    name: 'GogidixQuickLinks',
    title: 'Where to go',
    description: 'Create a service, SLOs, compliance, cost and on-call',
    components: () =>
      import('./QuickLinks/QuickLinks').then(m => ({ Content: m.QuickLinks })),
  },
});

const ownedServices = HomePageWidgetBlueprint.make({
  name: 'owned-services',
  params: {
    name: 'GogidixOwnedServices',
    title: 'Your services',
    description: 'Components owned by you and your teams',
    components: () =>
      import('./OwnedServices/OwnedServices').then(m => ({
        Content: m.OwnedServices,
      })),
  },
});

const layout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./HomeLayout').then(m => m.HomeLayout),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [layout, quickLinks, yourTeamsWidget, ownedServices],
});
