import {
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import PaymentsIcon from '@mui/icons-material/Payments';
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
  { name: 'cost', path: '/cost', title: 'Cost', icon: <PaymentsIcon /> },
  {
    name: 'on-call',
    path: '/on-call',
    title: 'On-call',
    icon: <NotificationsActiveIcon />,
  },
];

/**
 * Holds the paths of the compliance, cost and on-call pages until their
 * plugins land; each plugin then takes over its path and its entry here goes.
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
