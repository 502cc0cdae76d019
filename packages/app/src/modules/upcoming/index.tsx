import {
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import PaymentsIcon from '@mui/icons-material/Payments';
import SpeedIcon from '@mui/icons-material/Speed';
import { ReactElement } from 'react';
import { upcomingFeatures } from './features';

function upcomingPage(
  name: keyof typeof upcomingFeatures,
  path: string,
  title: string,
  icon: ReactElement,
) {
  return PageBlueprint.make({
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
  });
}

/**
 * Holds the paths of the SLO, compliance, cost and on-call pages until their
 * plugins land; each plugin then takes over its path and this page goes.
 */
export const upcomingPlugin = createFrontendPlugin({
  pluginId: 'upcoming',
  extensions: [
    upcomingPage('slo', '/slo', 'SLOs', <SpeedIcon fontSize="inherit" />),
    upcomingPage(
      'compliance',
      '/compliance',
      'Compliance',
      <AssignmentTurnedInIcon fontSize="inherit" />,
    ),
    upcomingPage('cost', '/cost', 'Cost', <PaymentsIcon fontSize="inherit" />),
    upcomingPage(
      'on-call',
      '/on-call',
      'On-call',
      <NotificationsActiveIcon fontSize="inherit" />,
    ),
  ],
});
