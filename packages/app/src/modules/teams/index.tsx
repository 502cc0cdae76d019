import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

/** On the home page: the state of the user's teams, for leads as for members. */
export const yourTeamsWidget = HomePageWidgetBlueprint.make({
  name: 'your-teams',
  params: {
    name: 'GogidixYourTeams',
    title: 'Your teams',
    description:
      'SLOs, cost, compliance and firing alerts of your teams and the teams below them',
    components: () =>
      import('./YourTeams').then(m => ({ Content: m.YourTeams })),
  },
});

const groupTeamsCard = EntityCardBlueprint.make({
  name: 'group-teams',
  params: {
    filter: 'kind:group',
    type: 'content',
    loader: () => import('./GroupTeamsCard').then(m => <m.GroupTeamsCard />),
  },
});

/** The teams roll-up on group pages. */
export const groupTeamsModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [groupTeamsCard],
});
