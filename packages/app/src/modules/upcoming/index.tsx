import {
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { ReactElement } from 'react';
import { upcomingFeatures } from './features';

const pages: Array<{
  name: keyof typeof upcomingFeatures;
  path: string;
  title: string;
  icon: ReactElement;
}> = [
  {
    name: 'compliance',
    path: '/compliance',
    title: 'Compliance',
    icon: <AssignmentTurnedInIcon />,
  },
];

/**
 * Holds the path of the compliance page until its plugin lands; the plugin
 * then takes over the path and its entry here goes.
 */
export const upcomingPlugin = createFrontendPlugin({
  pluginId: 'upcoming',
  extensions: pages.map(({ name, path, title, icon }) =>
    PageBlueprint.make({
      name,
      params: {
        path,
        title,
        icon,
        // The sidebar lists pages that have a route.
        routeRef: createRouteRef(),
        loader: () =>
          import('./UpcomingPage').then(m => (
            <m.UpcomingPage feature={upcomingFeatures[name]} />
          )),
      },
    }),
  ),
});
